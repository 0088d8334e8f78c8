package org.fa4j.datasets.idx;

import java.util.Arrays;
import java.util.Objects;

/**
 * The contents of one IDX file: an element {@link IdxType type}, a shape (rank 1 to {@value #MAX_RANK}) and the
 * elements in row-major order (the last index varies fastest), held in a primitive array of the matching Java type:
 * {@code byte[]} for both byte types, {@code short[]}, {@code int[]}, {@code float[]} or {@code double[]}.
 *
 * <p>The factories wrap the given array without copying, and the typed accessors ({@link #bytes()} and so on)
 * return it without copying, so a 47 MB MNIST file is held once. Unsigned bytes are stored as Java's signed
 * {@code byte}: read them with {@code b & 0xFF} (or {@link #getAsDouble(int)}).
 *
 * <p>Two arrays are {@link #equals(Object) equal} when type, shape and every element agree (floats and doubles
 * compare as {@link Float#floatToIntBits(float)} / {@link Double#doubleToLongBits(double)} do, so NaN equals NaN).
 */
public final class IdxArray {
    /**
     * The largest rank accepted. No IDX file in use has a rank above 4; with more than 31 dimensions at least one
     * must be 0 or 1 for the array to fit in Java, so a larger rank signals a corrupt header rather than data.
     */
    public static final int MAX_RANK = 32;

    /** The largest element count a Java array can hold on common JVMs. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final IdxType type;
    private final int[] shape;
    private final Object data;

    private IdxArray(IdxType type, int[] shape, Object data) {
        this.type = type;
        this.shape = shape;
        this.data = data;
    }

    /** Unsigned bytes ({@code 0x08}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofUnsignedBytes(byte[] data, int... shape) {
        return create(IdxType.UNSIGNED_BYTE, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** Signed bytes ({@code 0x09}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofSignedBytes(byte[] data, int... shape) {
        return create(IdxType.SIGNED_BYTE, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** Shorts ({@code 0x0B}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofShorts(short[] data, int... shape) {
        return create(IdxType.SHORT, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** Ints ({@code 0x0C}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofInts(int[] data, int... shape) {
        return create(IdxType.INT, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** Floats ({@code 0x0D}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofFloats(float[] data, int... shape) {
        return create(IdxType.FLOAT, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** Doubles ({@code 0x0E}) over {@code data} (no copy), with the given shape. */
    public static IdxArray ofDoubles(double[] data, int... shape) {
        return create(IdxType.DOUBLE, shape, data, Objects.requireNonNull(data, "data").length);
    }

    /** For the reader: {@code data} is already a primitive array of the right type and length. */
    static IdxArray trusted(IdxType type, int[] shape, Object data) {
        return new IdxArray(type, shape, data);
    }

    private static IdxArray create(IdxType type, int[] shape, Object data, int length) {
        Objects.requireNonNull(shape, "shape");
        long count = elementCount(shape);
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " elements, the data array has " + length);
        }
        return new IdxArray(type, shape.clone(), data);
    }

    /** The number of elements of {@code shape}; throws {@link IllegalArgumentException} for a shape IDX cannot hold. */
    static long elementCount(int[] shape) {
        if (shape.length < 1 || shape.length > MAX_RANK) {
            throw new IllegalArgumentException("rank " + shape.length + " is outside 1.." + MAX_RANK);
        }
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("dimension " + i + " of shape " + Arrays.toString(shape) + " is negative");
            }
            count = Math.min(count * shape[i], (long) MAX_ELEMENTS + 1); // saturate: count <= 2^31 before each product
        }
        if (count > MAX_ELEMENTS) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more than " + MAX_ELEMENTS
                    + " elements, the most a Java array can hold");
        }
        return count;
    }

    /** The element type. */
    public IdxType type() {
        return type;
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape, outermost dimension first. */
    public int[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i} of the shape. */
    public int dim(int i) {
        return shape[Objects.checkIndex(i, shape.length)];
    }

    /** The number of elements (the product of the shape). */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** The elements of an {@link IdxType#UNSIGNED_BYTE} or {@link IdxType#SIGNED_BYTE} array (shared, no copy). */
    public byte[] bytes() {
        if (type != IdxType.UNSIGNED_BYTE && type != IdxType.SIGNED_BYTE) {
            throw wrongType("bytes()", "UNSIGNED_BYTE or SIGNED_BYTE");
        }
        return (byte[]) data;
    }

    /** The elements of a {@link IdxType#SHORT} array (shared, no copy). */
    public short[] shorts() {
        return (short[]) typed(IdxType.SHORT, "shorts()");
    }

    /** The elements of an {@link IdxType#INT} array (shared, no copy). */
    public int[] ints() {
        return (int[]) typed(IdxType.INT, "ints()");
    }

    /** The elements of a {@link IdxType#FLOAT} array (shared, no copy). */
    public float[] floats() {
        return (float[]) typed(IdxType.FLOAT, "floats()");
    }

    /** The elements of a {@link IdxType#DOUBLE} array (shared, no copy). */
    public double[] doubles() {
        return (double[]) typed(IdxType.DOUBLE, "doubles()");
    }

    /** The backing primitive array, whatever its type (shared): for the writer. */
    Object data() {
        return data;
    }

    private Object typed(IdxType expected, String accessor) {
        if (type != expected) {
            throw wrongType(accessor, expected.name());
        }
        return data;
    }

    private IllegalStateException wrongType(String accessor, String expected) {
        return new IllegalStateException(accessor + " needs an array of type " + expected + ", this one is " + type);
    }

    /** Element {@code index} (row-major) as a double; unsigned bytes read as 0 to 255. */
    public double getAsDouble(int index) {
        return switch (type) {
            case UNSIGNED_BYTE -> ((byte[]) data)[index] & 0xFF;
            case SIGNED_BYTE -> ((byte[]) data)[index];
            case SHORT -> ((short[]) data)[index];
            case INT -> ((int[]) data)[index];
            case FLOAT -> ((float[]) data)[index];
            case DOUBLE -> ((double[]) data)[index];
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IdxArray other) || type != other.type || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        return switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> Arrays.equals((byte[]) data, (byte[]) other.data);
            case SHORT -> Arrays.equals((short[]) data, (short[]) other.data);
            case INT -> Arrays.equals((int[]) data, (int[]) other.data);
            case FLOAT -> Arrays.equals((float[]) data, (float[]) other.data);
            case DOUBLE -> Arrays.equals((double[]) data, (double[]) other.data);
        };
    }

    @Override
    public int hashCode() {
        int h = 31 * type.hashCode() + Arrays.hashCode(shape);
        return 31 * h + switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> Arrays.hashCode((byte[]) data);
            case SHORT -> Arrays.hashCode((short[]) data);
            case INT -> Arrays.hashCode((int[]) data);
            case FLOAT -> Arrays.hashCode((float[]) data);
            case DOUBLE -> Arrays.hashCode((double[]) data);
        };
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + " " + Arrays.toString(shape) + "]";
    }
}
