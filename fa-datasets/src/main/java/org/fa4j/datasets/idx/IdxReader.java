package org.fa4j.datasets.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Decodes one IDX stream, raw or gzip-compressed, checking every header field before it allocates.
 *
 * <p>Elements are decoded from 64 KiB chunks straight into the final primitive array: the file is never held twice.
 * How much the reader trusts the header's element count depends on what it knows of the input:
 * <ul>
 *   <li>a raw file of known size: the header must account for the size exactly, so the array is allocated once,
 *       at its final size, after that check;</li>
 *   <li>a gzip file of known size: deflate expands at most {@value #DEFLATE_MAX_RATIO}:1, so a header claiming more
 *       is rejected at once; otherwise the array starts at 1 MiB and grows by doubling only as decompressed data
 *       actually arrives. The compressed size says nothing about what the body really holds (40 MiB of random bytes
 *       are 40 MiB compressed), so it never sizes an allocation;</li>
 *   <li>a stream of unknown length: the array starts at 1 MiB and grows the same way.</li>
 * </ul>
 * A lying header can therefore never make the reader allocate much more than twice the data really present.
 */
final class IdxReader {
    static final int CHUNK = 1 << 16;
    static final long DEFLATE_MAX_RATIO = 1032;
    static final long INITIAL_BYTES = 1 << 20;

    private final String source;
    private final InputStream in;
    private final boolean gzip;
    private long position;

    private IdxReader(String source, InputStream in, boolean gzip) {
        this.source = source;
        this.in = in;
        this.gzip = gzip;
    }

    /**
     * Reads one IDX array from {@code raw}, which holds {@code size} bytes ({@code -1}: unknown). Gzip is recognised by
     * its magic bytes {@code 0x1F 0x8B}. Does not close {@code raw}.
     */
    static IdxArray read(InputStream raw, String source, long size) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, CHUNK);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1F && b1 == 0x8B) {
            StrictGzipInputStream gz;
            try {
                gz = new StrictGzipInputStream(buffered, CHUNK);
            } catch (ZipException | EOFException e) {
                throw new IdxFormatException(source, 0, "corrupt gzip header: " + e.getMessage(), e);
            }
            long limit = size < 0 ? -1 : size > Long.MAX_VALUE / DEFLATE_MAX_RATIO ? Long.MAX_VALUE : size * DEFLATE_MAX_RATIO;
            try {
                return new IdxReader(source, gz, true).readArray(-1, limit, size < 0 ? -1 : size);
            } finally {
                gz.release();
            }
        }
        return new IdxReader(source, buffered, false).readArray(size, -1, -1);
    }

    /**
     * @param exactSize     the exact IDX byte count when known (raw file), else -1
     * @param maxSize       an upper bound on the IDX byte count when known (gzip file), else -1
     * @param compressedSize the compressed file size when known, else -1
     */
    private IdxArray readArray(long exactSize, long maxSize, long compressedSize) throws IOException {
        byte[] magic = new byte[4];
        int got = readSome(magic, 0, 4);
        if (got < 4) {
            throw error(position, (got == 0 ? "empty " + what() : what() + " ends") + " inside the 4-byte magic number"
                    + " (an IDX file starts with 0x00 0x00 <type> <rank>)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw error(0, String.format("wrong magic number 0x%02X%02X%02X%02X: an IDX file starts with 0x00 0x00 <type> <rank>",
                    magic[0], magic[1], magic[2], magic[3]));
        }
        IdxType type = IdxType.fromCode(magic[2] & 0xFF);
        if (type == null) {
            throw error(2, String.format("unknown element type code 0x%02X; known codes: %s", magic[2] & 0xFF, IdxType.knownCodes()));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw error(3, "rank 0: an IDX array has at least one dimension");
        }
        if (rank > IdxArray.MAX_RANK) {
            throw error(3, "rank " + rank + " is larger than " + IdxArray.MAX_RANK + ", the most fa4j accepts (a corrupt header?)");
        }
        int headerBytes = 4 + 4 * rank;
        byte[] dimBytes = new byte[4 * rank];
        got = readSome(dimBytes, 0, dimBytes.length);
        if (got < dimBytes.length) {
            throw error(position, what() + " ends inside the dimensions: rank " + rank + " needs a " + headerBytes + "-byte header");
        }
        ByteBuffer dims = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[rank];
        long count = 1;
        boolean overflow = false;
        for (int i = 0; i < rank; i++) {
            long d = Integer.toUnsignedLong(dims.getInt());
            if (d > Integer.MAX_VALUE) {
                throw error(4 + 4L * i, "dimension " + i + " is " + d + ", more than " + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
            if (!overflow && count != 0) {
                long hi = Math.multiplyHigh(count, d);
                long lo = count * d;
                overflow = hi != 0 || lo < 0;
                count = lo;
            }
        }
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            count = 0;
            overflow = false;
        }
        if (overflow) {
            throw error(4, "the dimensions " + Arrays.toString(shape) + " multiply to more than 2^63 elements (overflow)");
        }
        if (count > IdxArray.MAX_ELEMENTS) {
            throw error(4, "the dimensions " + Arrays.toString(shape) + " multiply to " + count
                    + " elements, more than a Java array holds (" + IdxArray.MAX_ELEMENTS + ")");
        }
        long bodyBytes = count * type.bytes();
        long total = headerBytes + bodyBytes;
        if (exactSize >= 0 && exactSize < total) {
            throw error(4, "the header claims " + Arrays.toString(shape) + " = " + count + " elements of " + type + " ("
                    + bodyBytes + " bytes after the " + headerBytes + "-byte header), but the file holds only "
                    + (exactSize - headerBytes) + " bytes after the header (file size " + exactSize + ")");
        }
        if (exactSize > total) {
            throw error(total, "trailing garbage: " + (exactSize - total) + " bytes after the last element (the header "
                    + Arrays.toString(shape) + " of " + type + " accounts for " + total + " bytes, the file has " + exactSize + ")");
        }
        if (maxSize >= 0 && total > maxSize) {
            throw error(4, "the header claims " + Arrays.toString(shape) + " = " + count + " elements of " + type + " ("
                    + total + " bytes decompressed), but a " + compressedSize + "-byte gzip file can decompress to at most "
                    + maxSize + " bytes (deflate expands at most " + DEFLATE_MAX_RATIO + ":1)");
        }
        int n = (int) count;
        int initial;
        if (exactSize >= 0) {
            initial = n; // the file size proved that the body is all there
        } else {
            initial = (int) Math.min(n, INITIAL_BYTES / type.bytes());
        }
        Object data = readBody(type, n, initial);
        if (readByte() != -1) {
            throw error(position - 1, "trailing garbage after the last element (the header " + Arrays.toString(shape)
                    + " of " + type + " accounts for " + total + " bytes)");
        }
        return IdxArray.trusted(type, shape, data);
    }

    private Object readBody(IdxType type, int n, int initialCapacity) throws IOException {
        int size = type.bytes();
        Object data = newArray(type, initialCapacity);
        int capacity = initialCapacity;
        int filled = 0;
        byte[] chunk = size == 1 ? null : new byte[CHUNK];
        ByteBuffer view = size == 1 ? null : ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        while (filled < n) {
            if (filled == capacity) {
                capacity = (int) Math.min(n, 2L * capacity + 1);
                data = grow(type, data, capacity);
            }
            int want = Math.min(capacity - filled, size == 1 ? Integer.MAX_VALUE : CHUNK / size);
            int got;
            if (size == 1) {
                got = readSome((byte[]) data, filled, want);
            } else {
                got = readSome(chunk, 0, want * size);
                view.clear();
                int whole = got / size;
                switch (type) {
                    case SHORT -> view.asShortBuffer().get((short[]) data, filled, whole);
                    case INT -> view.asIntBuffer().get((int[]) data, filled, whole);
                    case FLOAT -> view.asFloatBuffer().get((float[]) data, filled, whole);
                    case DOUBLE -> view.asDoubleBuffer().get((double[]) data, filled, whole);
                    default -> throw new AssertionError(type);
                }
            }
            if (got < want * size) {
                int whole = got / size;
                throw error(position, what() + " ends after " + (filled + whole) + " of " + n + " elements of " + type
                        + " (truncated body; " + ((long) (n - filled) * size - got) + " more bytes expected)");
            }
            filled += want;
        }
        return data;
    }

    private static Object newArray(IdxType type, int n) {
        return switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> new byte[n];
            case SHORT -> new short[n];
            case INT -> new int[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
        };
    }

    private static Object grow(IdxType type, Object data, int n) {
        return switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> Arrays.copyOf((byte[]) data, n);
            case SHORT -> Arrays.copyOf((short[]) data, n);
            case INT -> Arrays.copyOf((int[]) data, n);
            case FLOAT -> Arrays.copyOf((float[]) data, n);
            case DOUBLE -> Arrays.copyOf((double[]) data, n);
        };
    }

    /** Reads up to {@code len} bytes, stopping early only at the end of the data; counts them into the position. */
    private int readSome(byte[] b, int off, int len) throws IOException {
        int got;
        try {
            got = in.readNBytes(b, off, len);
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
        position += got;
        return got;
    }

    private int readByte() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
        if (b >= 0) {
            position++;
        }
        return b;
    }

    private IOException corrupt(IOException e) {
        if (!gzip) {
            return e;
        }
        return new IdxFormatException(source, position, "corrupt or truncated gzip stream after " + position
                + " decompressed bytes: " + e.getMessage(), e);
    }

    private String what() {
        return gzip ? "decompressed data" : "file";
    }

    private IdxFormatException error(long offset, String problem) {
        return new IdxFormatException(source, offset, gzip ? problem + " [offset in the decompressed data]" : problem);
    }
}
