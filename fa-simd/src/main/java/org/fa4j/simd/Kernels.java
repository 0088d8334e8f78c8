package org.fa4j.simd;

/**
 * One implementation of the single-threaded kernels. {@link Linalg} checks shapes before calling, splits GEMM work
 * between threads, and picks the implementation ({@link ScalarKernels} or the Vector API one) once.
 */
interface Kernels {

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

    void logistic(Matrix in, Matrix out);

    void tanh(Matrix in, Matrix out);

    void relu(Matrix in, Matrix out);

    void logisticDerivative(Matrix activation, Matrix out);

    void tanhDerivative(Matrix activation, Matrix out);

    void reluDerivative(Matrix activation, Matrix out);

    /** {@code delta ∘= f'} from the activation: the roundings of the derivative kernel followed by {@link #hadamard}. */
    void timesDerivative(Linalg.Derivative f, Matrix activation, Matrix delta);

    void hadamard(Matrix a, Matrix b, Matrix out);

    void sub(Matrix a, Matrix b, Matrix out);

    void axpy(float alpha, Matrix x, Matrix y);

    void scale(float alpha, Matrix x);

    void addRowVector(Matrix m, Matrix row);

    void columnSums(Matrix m, Matrix out);

    void argmaxRows(Matrix m, int[] out);

    float dot(Matrix a, Matrix b);

    float squaredNorm(Matrix a);
}
