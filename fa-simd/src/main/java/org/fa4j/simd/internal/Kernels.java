package org.fa4j.simd.internal;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * One implementation of the single-threaded kernels. {@link Linalg} checks shapes before calling, splits work between
 * the threads of {@link GemmPool}, and picks the implementation ({@link ScalarKernels} or the Vector API one, through
 * {@link KernelLoader}) once.
 */
public interface Kernels {

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} restricted to the output block rows {@code i0..i1}, columns
     * {@code j0..j1}. Each element's arithmetic must not depend on the block it falls in (only on the shape), so that
     * splitting C between threads gives bit-identical results. Callers pass the whole of C when
     * {@link #gemmSplittable} is false.
     */
    void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1);

    /**
     * For a product split between threads by columns, where every thread needs all of op(A) ({@code m × k}): the
     * floats of one buffer that holds op(A) packed for all of them ({@link #gemmPackSharedA}), or 0 when this
     * implementation packs no A (then each part runs {@link #gemm} alone).
     */
    default long gemmSharedASize(int m, int k) {
        return 0;
    }

    /** How many pieces the shared packing of op(A) falls into; threads take pieces until none is left. */
    default int gemmSharedAPieces(int m, int k) {
        return 0;
    }

    /** Packs pieces {@code from..to} of op(A) ({@code m × k}) into {@code packedA}. */
    default void gemmPackSharedA(Op opA, Matrix a, int m, int k, int from, int to, float[] packedA) {
        throw new UnsupportedOperationException("this implementation packs no A");
    }

    /**
     * {@link #gemm} for columns {@code j0..j1} and all rows of C, with op(A) already packed whole in {@code packedA}
     * by {@link #gemmPackSharedA}. Same bits as {@link #gemm}.
     */
    default void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int j0, int j1, float[] packedA) {
        gemm(opA, opB, alpha, a, b, beta, c, 0, c.rows(), j0, j1);
    }

    /** Whether a product of this shape may be split into blocks of C (false: one call with the whole of C). */
    boolean gemmSplittable(int m, int n, int k);

    /** Whether a product split between {@code threads} threads is split by columns of C, else by rows: the longer side. */
    default boolean gemmSplitByColumns(int m, int n, int threads) {
        return n >= m;
    }

    /** Block boundaries between threads fall on multiples of this many rows (a micro-tile height). */
    int gemmRowAlign();

    /** Block boundaries between threads fall on multiples of this many columns (a vector, or 1 for the scalar path). */
    int gemmColAlign();

    /** {@code y = alpha * op(A) * x + beta * y}, with x and y single-row matrices. */
    void gemv(Op opA, float alpha, Matrix a, Matrix x, float beta, Matrix y);

    /** {@code A += alpha * xᵀ y}, with x (1×m) and y (1×n) single-row matrices. */
    void ger(float alpha, Matrix x, Matrix y, Matrix a);

    /**
     * Element-wise operation {@code op} on the whole of {@code out}: {@code out = f(a)} for a unary op, {@code a ∘ b}
     * or {@code a − b} for a binary one, {@code out += b} for the bias row {@code b} ({@code a} is {@code out}), and
     * {@code out ∘= f'} from the activation {@code a} for a derivative product, rounded as the derivative op followed
     * by {@code HADAMARD}. {@code b} is null where the op takes none; {@code out} may be an input.
     */
    void elementwise(ElementwiseOp op, Matrix a, Matrix b, Matrix out);

    /**
     * {@link #elementwise} on the columns {@code [j0, j1)} only (one thread's share of a large matrix). Each element
     * takes the same operation as in the whole-matrix call, so the bits do not depend on the split. By default it
     * runs the whole-matrix kernel on column views.
     */
    default void columns(ElementwiseOp op, Matrix a, Matrix b, Matrix out, int j0, int j1) {
        elementwise(op, a.cols(j0, j1), b == null ? null : b.cols(j0, j1), out.cols(j0, j1));
    }

    /**
     * The forward sparse product on the columns {@code [j0, j1)} of C: {@code c(r, j) ←} one fused multiply-add chain
     * over the entries {@code k} of row {@code r} of {@code a}, ascending, of {@code (alpha · val[k]) · b(idx[k], j)},
     * starting from 0 ({@code beta == 0}), {@code c(r, j)} ({@code beta == 1}) or {@code beta · c(r, j)}. Every element
     * is that one chain on every path, whatever loop order, block or thread computes it.
     */
    void sparseProduct(SparseIndex a, float alpha, Matrix b, float beta, Matrix c, int j0, int j1);

    /**
     * The sparse weight update on the columns {@code [j0, j1)} of W: {@code w(r, j) ←} the chain of
     * {@link #sparseProduct} from {@code w(r, j)} ({@code beta == 1}), 0 ({@code beta == 0}) or {@code beta · w(r, j)}
     * over the entries of row {@code r} of {@code aT} (A by columns), with D as the dense operand. Rows with no entries
     * take the empty chain: untouched when {@code beta == 1}, else {@code beta · w} (0 for {@code beta == 0}), so that a
     * decayed update costs one pass over W.
     */
    void sparseUpdate(SparseIndex aT, float alpha, Matrix d, float beta, Matrix w, int j0, int j1);

    /**
     * Appends the non-zero entries ({@code != ±0}) of {@code d[o .. o + cols)} to {@code idx}/{@code val} from
     * position {@code nnz}, in column order; returns the new count.
     */
    int compressRow(float[] d, int o, int cols, int[] idx, float[] val, int nnz);

    void axpy(float alpha, Matrix x, Matrix y);

    void scale(float alpha, Matrix x);

    void columnSums(Matrix m, Matrix out);

    void argmaxRows(Matrix m, int[] out);

    float dot(Matrix a, Matrix b);

    float squaredNorm(Matrix a);
}
