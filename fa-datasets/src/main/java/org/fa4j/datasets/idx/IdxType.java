package org.fa4j.datasets.idx;

/**
 * The element types of the IDX format: the third byte of the magic number names one, and each element then takes
 * {@link #bytes()} bytes, big-endian.
 */
public enum IdxType {
    /** {@code 0x08}: unsigned byte, 0 to 255 (MNIST pixels and labels). */
    UNSIGNED_BYTE(0x08, 1),
    /** {@code 0x09}: signed byte. */
    SIGNED_BYTE(0x09, 1),
    /** {@code 0x0B}: signed 16-bit integer. */
    SHORT(0x0B, 2),
    /** {@code 0x0C}: signed 32-bit integer. */
    INT(0x0C, 4),
    /** {@code 0x0D}: IEEE 754 single-precision float. */
    FLOAT(0x0D, 4),
    /** {@code 0x0E}: IEEE 754 double-precision float. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code, the third byte of the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type with this code, or {@code null} when no IDX type has it. */
    static IdxType fromCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** "0x08 (unsigned byte), 0x09 (signed byte), ...": the list error messages give. */
    static String knownCodes() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.format("0x%02X (%s)", t.code, t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        return sb.toString();
    }
}
