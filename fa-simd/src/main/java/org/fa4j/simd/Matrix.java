package org.fa4j.simd;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major matrix of {@code float}s: element {@code (i, j)} lives at
 * {@code data[offset + i * stride + j]}.
 *
 * <p>A matrix is a window onto a {@code float[]} that it may share with other matrices: {@link #rows(int, int)}
 * returns a view of a range of rows without copying (a mini-batch is a view of its data set). The contents are
 * mutable, because matrices are the workspaces of training; the shape and the window are fixed for the life of the
 * object. Kernels in {@link Linalg} take their output as an argument and allocate nothing.
 */
public final class Matrix {
    private final float[] data;
    private final int offset;
    private final int rows;
    private final int cols;
    private final int stride;

    private Matrix(float[] data, int offset, int rows, int cols, int stride) {
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.stride = stride;
    }

    /** A new {@code rows × cols} matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(new float[Math.multiplyExact(rows, cols)], 0, rows, cols, cols);
    }

    /** A {@code rows × cols} matrix over {@code data} (row-major, no copy); {@code data.length} must be {@code rows * cols}. */
    public static Matrix wrap(int rows, int cols, float[] data) {
        checkShape(rows, cols);
        Objects.requireNonNull(data, "data");
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " elements, a " + rows + "x" + cols + " matrix needs " + (long) rows * cols);
        }
        return new Matrix(data, 0, rows, cols, cols);
    }

    /**
     * A matrix over part of {@code data}: element {@code (i, j)} at {@code data[offset + i * stride + j]}, with
     * {@code stride >= cols}. No copy.
     */
    public static Matrix wrap(float[] data, int offset, int rows, int cols, int stride) {
        checkShape(rows, cols);
        Objects.requireNonNull(data, "data");
        if (offset < 0 || stride < cols) {
            throw new IllegalArgumentException("offset " + offset + " and stride " + stride + " must satisfy offset >= 0 and stride >= cols (" + cols + ")");
        }
        long last = rows == 0 || cols == 0 ? offset : offset + (long) (rows - 1) * stride + cols;
        if (last > data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " window at offset " + offset + " with stride " + stride
                    + " needs " + last + " elements, data has " + data.length);
        }
        return new Matrix(data, offset, rows, cols, stride);
    }

    /** A new matrix holding a copy of {@code values}, one inner array per row (all of the same length). */
    public static Matrix of(float[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape " + rows + "x" + cols + " has a negative dimension");
        }
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Distance in the backing array between the starts of consecutive rows ({@code >= cols}). */
    public int stride() {
        return stride;
    }

    /** Index in {@link #array()} of element (0, 0). */
    public int offset() {
        return offset;
    }

    /** The backing array, shared (not a copy): for kernels. */
    public float[] array() {
        return data;
    }

    /** True when the rows follow each other with no gap ({@code stride == cols}), so the matrix is one run. */
    public boolean isContiguous() {
        return stride == cols || rows <= 1;
    }

    /** {@code rows() * cols()}. */
    public int size() {
        return rows * cols;
    }

    /** Element {@code (i, j)}. */
    public float get(int i, int j) {
        return data[index(i, j)];
    }

    /** Sets element {@code (i, j)}. */
    public void set(int i, int j, float v) {
        data[index(i, j)] = v;
    }

    private int index(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return offset + i * stride + j;
    }

    /** A view (no copy) of rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Matrix rows(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        return new Matrix(data, offset + from * stride, to - from, cols, stride);
    }

    /** A view (no copy) of row {@code i} as a {@code 1 × cols} matrix. */
    public Matrix row(int i) {
        return rows(i, i + 1);
    }

    /** A view (no copy) of columns {@code from} (inclusive) to {@code to} (exclusive). */
    public Matrix cols(int from, int to) {
        Objects.checkFromToIndex(from, to, cols);
        return new Matrix(data, offset + from, rows, to - from, stride);
    }

    /** A new contiguous matrix with the same shape and contents. */
    public Matrix copy() {
        Matrix m = zeros(rows, cols);
        m.copyFrom(this);
        return m;
    }

    /** Copies {@code src} (same shape) into this matrix. */
    public void copyFrom(Matrix src) {
        requireSameShape("copyFrom", this, src);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(src.data, src.offset + i * src.stride, data, offset + i * stride, cols);
        }
    }

    /**
     * Copies rows {@code from .. from + rows()} of {@code src} (same columns) into the rows of this matrix, in order:
     * one batch of a data set, without a view object. Allocation-free.
     */
    public void copyRowsFrom(Matrix src, int from) {
        checkRowSource("copyRowsFrom", src);
        Objects.checkFromIndexSize(from, rows, src.rows);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src.data, src.offset + (from + r) * src.stride, data, offset + r * stride, cols);
        }
    }

    /**
     * Copies rows {@code order[from]}, {@code order[from + 1]}, … of {@code src} (same columns) into the rows of this
     * matrix, one for each of its rows: a shuffled batch of a data set. Allocation-free.
     */
    public void copyRowsFrom(Matrix src, int[] order, int from) {
        checkRowSource("copyRowsFrom", src);
        Objects.checkFromIndexSize(from, rows, order.length);
        for (int r = 0; r < rows; r++) {
            int i = Objects.checkIndex(order[from + r], src.rows);
            System.arraycopy(src.data, src.offset + i * src.stride, data, offset + r * stride, cols);
        }
    }

    private void checkRowSource(String op, Matrix src) {
        if (src.cols != cols) {
            throw new IllegalArgumentException(op + ": source is " + src.shape() + ", this matrix is " + shape()
                    + "; need the same number of columns");
        }
    }

    /** Sets every element to {@code v}. */
    public void fill(float v) {
        for (int i = 0; i < rows; i++) {
            int s = offset + i * stride;
            Arrays.fill(data, s, s + cols, v);
        }
    }

    /** A new row-major array holding a copy of the elements. */
    public float[] toArray() {
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, offset + i * stride, out, i * cols, cols);
        }
        return out;
    }

    /** A new {@code cols × rows} matrix holding the transpose. */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[offset + i * stride + j];
            }
        }
        return t;
    }

    /** "{@code rows}x{@code cols}", the form shape errors use. */
    public String shape() {
        return rows + "x" + cols;
    }

    /** Throws {@link IllegalArgumentException} naming both shapes unless {@code a} and {@code b} have the same shape. */
    static void requireSameShape(String op, Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a.shape() + " vs " + b.shape());
        }
    }

    /** True when both matrices have the same shape and bit-identical elements (views compare by contents). */
    public boolean contentEquals(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (Float.floatToRawIntBits(get(i, j)) != Float.floatToRawIntBits(other.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Matrix[" + shape() + "]";
    }
}
