package org.fa4j.simd;

import org.fa4j.simd.internal.KernelLoader;
import org.fa4j.simd.internal.Kernels;
import org.fa4j.simd.internal.SparseIndex;

/**
 * A sparse {@code rows × cols} float matrix in compressed-sparse-row form, for the sparse-input products of
 * {@link Linalg} ({@link Linalg#gemmSparse}, {@link Linalg#gemmSparseTransA}): a layer whose input is mostly zeros
 * (MNIST pixels: ~81% zeros) skips the zeros exactly.
 *
 * <p>Built for reuse: size one once for the largest batch, then {@link #copyFrom(Matrix) refill} it from a dense
 * {@link Matrix} every step without allocating. It also keeps a column-compressed copy of the same entries (the
 * transpose's rows, in ascending row order), built on first use after each refill, for {@link Linalg#gemmSparseTransA}.
 * Not thread-safe: like a {@link Matrix}, one thread fills and uses it at a time.
 *
 * <pre>{@code
 * CsrMatrix xs = CsrMatrix.zeros(batch, 784);  // capacity batch·784: any content fits
 * xs.copyFrom(x);                             // x: batch × 784 dense, mostly zeros
 * la.gemmSparse(1f, xs, w, 0f, h);            // h = x · w, touching only the rows of w of non-zero inputs
 * la.gemmSparseTransA(eta, xs, delta, w);     // w += eta · xᵀ · delta
 * }</pre>
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    // Row-compressed: the entries of row i are k in [rowStart[i], rowStart[i+1]), column colIdx[k], value vals[k].
    final int[] rowStart;
    final int[] colIdx;
    final float[] vals;
    // Column-compressed (built lazily): the entries of column p are k in [colStart[p], colStart[p+1]), ascending rows.
    final int[] colStart;
    final int[] rowIdx;
    final float[] colVals;
    private int nonZeros;
    private boolean columnsReady = true;
    /** The two indices as the kernels read them: views of the arrays above, made once. */
    private final SparseIndex byRow;
    private final SparseIndex byColumn;

    private CsrMatrix(int rows, int cols, int capacity) {
        if (rows < 0 || cols < 0 || capacity < 0) {
            throw new IllegalArgumentException("a sparse matrix needs rows, cols and capacity >= 0, got " + rows + "x" + cols
                    + " with capacity " + capacity);
        }
        this.rows = rows;
        this.cols = cols;
        rowStart = new int[rows + 1];
        colIdx = new int[capacity];
        vals = new float[capacity];
        colStart = new int[cols + 1];
        rowIdx = new int[capacity];
        colVals = new float[capacity];
        byRow = new SparseIndex(rows, rowStart, colIdx, vals);
        byColumn = new SparseIndex(cols, colStart, rowIdx, colVals);
    }

    /** The kernel path that compresses rows: either gives the same entries; the vector one is faster. */
    private static final class Compressor {
        static final Kernels KERNELS = KernelLoader.kernels(VectorSupport.path());
    }

    /** The row-compressed index ({@code transposed}: the column-compressed one, which must be built). */
    SparseIndex index(boolean transposed) {
        return transposed ? byColumn : byRow;
    }

    /** An all-zero {@code rows × cols} matrix that can hold any content of that shape (capacity {@code rows·cols}). */
    public static CsrMatrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a sparse matrix needs rows and cols >= 0, got " + rows + "x" + cols);
        }
        long full = (long) rows * cols;
        if (full > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " sparse matrix of full capacity needs " + full
                    + " entries, more than an array holds; use withCapacity");
        }
        return new CsrMatrix(rows, cols, (int) full);
    }

    /** An all-zero {@code rows × cols} matrix that can hold up to {@code capacity} non-zero entries. */
    public static CsrMatrix withCapacity(int rows, int cols, int capacity) {
        return new CsrMatrix(rows, cols, capacity);
    }

    /** The non-zero entries of {@code dense}, in a new matrix of just enough capacity. */
    public static CsrMatrix of(Matrix dense) {
        return withCapacity(dense.rows(), dense.cols(), countNonZeros(dense)).copyFrom(dense);
    }

    /**
     * Replaces the content by the non-zero entries of {@code dense} (same shape), in row-major order; allocates nothing.
     * An entry is stored when it is not {@code ±0} (NaN and infinities are stored). On a shape mismatch or too many
     * non-zeros for the capacity it throws and leaves the content unchanged.
     *
     * @return this matrix
     */
    public CsrMatrix copyFrom(Matrix dense) {
        if (dense.rows() != rows || dense.cols() != cols) {
            throw new IllegalArgumentException("copyFrom: sparse matrix is " + shape() + ", dense matrix is " + dense.shape()
                    + "; need the same shape");
        }
        // A full-capacity matrix holds any content: no need to count first (the count keeps a refused refill clean).
        int count = (long) rows * cols <= vals.length ? 0 : countNonZeros(dense);
        if (count > vals.length) {
            throw new IllegalArgumentException("copyFrom: dense matrix " + dense.shape() + " has " + count
                    + " non-zeros, the sparse matrix holds at most " + vals.length);
        }
        float[] d = dense.array();
        int nnz = 0;
        Kernels kernels = Compressor.KERNELS;
        for (int i = 0; i < rows; i++) {
            rowStart[i] = nnz;
            nnz = kernels.compressRow(d, dense.offset() + i * dense.stride(), cols, colIdx, vals, nnz);
        }
        rowStart[rows] = nnz;
        nonZeros = nnz;
        columnsReady = false;
        return this;
    }

    private static int countNonZeros(Matrix dense) {
        float[] d = dense.array();
        int count = 0;
        for (int i = 0; i < dense.rows(); i++) {
            int o = dense.offset() + i * dense.stride();
            for (int p = 0; p < dense.cols(); p++) {
                if (d[o + p] != 0f) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Builds the column-compressed copy if the content changed since it was last built. Allocation-free. */
    void ensureColumns() {
        if (columnsReady) {
            return;
        }
        java.util.Arrays.fill(colStart, 0);
        for (int k = 0; k < nonZeros; k++) {
            colStart[colIdx[k] + 1]++;
        }
        for (int p = 0; p < cols; p++) {
            colStart[p + 1] += colStart[p];
        }
        // Scatter in ascending rows, so each column lists its rows in ascending order; colStart[p] serves as the
        // cursor of column p and ends at the start of column p + 1, so shift it back afterwards.
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int c = colStart[colIdx[k]]++;
                rowIdx[c] = i;
                colVals[c] = vals[k];
            }
        }
        for (int p = cols; p > 0; p--) {
            colStart[p] = colStart[p - 1];
        }
        colStart[0] = 0;
        columnsReady = true;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of stored (non-zero) entries. */
    public int nonZeros() {
        return nonZeros;
    }

    /** The most entries this matrix can hold. */
    public int capacity() {
        return vals.length;
    }

    /** {@code nonZeros / (rows · cols)}, or 0 for an empty shape. */
    public double density() {
        return rows == 0 || cols == 0 ? 0 : (double) nonZeros / ((double) rows * cols);
    }

    /** Element {@code (i, j)} (0 where nothing is stored); a search in row i, for tests and debugging. */
    public float get(int i, int j) {
        java.util.Objects.checkIndex(i, rows);
        java.util.Objects.checkIndex(j, cols);
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
            if (colIdx[k] == j) {
                return vals[k];
            }
        }
        return 0f;
    }

    /** Writes the content into {@code dense} (same shape), zeros included. */
    public void copyTo(Matrix dense) {
        if (dense.rows() != rows || dense.cols() != cols) {
            throw new IllegalArgumentException("copyTo: sparse matrix is " + shape() + ", dense matrix is " + dense.shape()
                    + "; need the same shape");
        }
        dense.fill(0f);
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                dense.set(i, colIdx[k], vals[k]);
            }
        }
    }

    /** {@code "rowsxcols"}, as in shape-mismatch messages. */
    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + shape() + ", " + nonZeros + " non-zeros]";
    }
}
