package org.fa4j.simd;

import java.util.Objects;
import org.fa4j.simd.internal.ElementwiseOp;
import org.fa4j.simd.internal.GemmPool;
import org.fa4j.simd.internal.KernelLoader;
import org.fa4j.simd.internal.Kernels;
import org.fa4j.simd.internal.Tuning;

/**
 * The kernels of fa4j: GEMM, GEMV, GER and the element-wise operations of training, on {@link Matrix} operands.
 *
 * <p>An instance fixes two things: the number of threads GEMM may use and the {@link KernelPath}. Results are
 * bit-identical for any thread count, because every output element is computed by one thread in a fixed order
 * that depends only on the shapes. GEMM splits C into blocks of whole micro-tiles (by columns when C is much wider
 * than tall or too short to give every thread a row block, else by rows) and runs them on a shared pool of daemon
 * threads owned by fa-simd; products under
 * 2^18 multiply-adds, and matrix–vector shaped ones, run on the caller's thread. The sparse × dense products
 * ({@link #gemmSparse}, {@link #gemmSparseTransA} on a {@link CsrMatrix}) split C's columns on the same pool from
 * 2^21 multiply-adds; the element-wise operations (activations, their derivatives, Hadamard product, difference,
 * bias) on matrices of 2^16 elements or more split columns the same way on the vector path. The other kernels run on
 * the caller's thread.
 * Every method checks shapes first (the message names the shapes) and writes only to its output argument;
 * none allocates in steady state. An output may alias an input only where the method says so.
 *
 * <pre>{@code
 * Linalg la = Linalg.defaults();              // vector path if supported, all processors
 * la.gemm(Op.N, Op.T, 1f, x, w, 0f, h);       // h = x · wᵀ
 * }</pre>
 */
public final class Linalg {

    private static final class Default {
        static final Linalg INSTANCE = newBuilder().build();
    }

    private final int threads;
    private final KernelPath path;
    private final Kernels kernels;

    private Linalg(int threads, KernelPath path) {
        this.threads = threads;
        this.path = path;
        this.kernels = KernelLoader.kernels(path);
    }

    /** The shared default: {@link VectorSupport#path()} and {@code fa4j.simd.threads} (else all processors). */
    public static Linalg defaults() {
        return Default.INSTANCE;
    }

    /** A builder starting from the defaults. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Builds {@link Linalg} instances. */
    public static final class Builder {
        private int threads = defaultThreads();
        private KernelPath path = VectorSupport.path();

        private Builder() {
        }

        /** Threads GEMM may use (at least 1). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The kernel path; {@link KernelPath#VECTOR} only where {@link VectorSupport#vectorAvailable()}. */
        public Builder path(KernelPath path) {
            Objects.requireNonNull(path, "path");
            if (path == KernelPath.VECTOR && !VectorSupport.vectorAvailable()) {
                throw new IllegalArgumentException("the vector path is not available here: " + VectorSupport.reason());
            }
            this.path = path;
            return this;
        }

        /** A new instance. */
        public Linalg build() {
            return new Linalg(threads, path);
        }
    }

    static int defaultThreads() {
        String s = System.getProperty("fa4j.simd.threads");
        if (s != null && !s.isBlank()) {
            try {
                int t = Integer.parseInt(s.trim());
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("fa4j.simd.threads must be a whole number >= 1, got '" + s + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Threads GEMM may use. */
    public int threads() {
        return threads;
    }

    /** The kernel path this instance runs. */
    public KernelPath path() {
        return path;
    }

    /** An instance like this one with another thread count. */
    public Linalg withThreads(int threads) {
        return newBuilder().path(path).threads(threads).build();
    }

    // ---------------------------------------------------------------- BLAS

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}. With {@code beta == 0} the old contents of C are ignored (NaN in C
     * does not propagate); with {@code alpha == 0} (or k = 0) A and B are not read and C becomes {@code beta * C}.
     * C must not alias A or B. When C is a single row or column the product runs as a matrix–vector product
     * (no packing).
     */
    public void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        int m = opA == Op.N ? a.rows() : a.cols();
        int k = opA == Op.N ? a.cols() : a.rows();
        int kb = opB == Op.N ? b.rows() : b.cols();
        int n = opB == Op.N ? b.cols() : b.rows();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: op(A) is " + m + "x" + k + " (A " + a.shape() + ", " + opA + "), op(B) is "
                    + kb + "x" + n + " (B " + b.shape() + ", " + opB + "), C is " + c.shape() + "; need op(A) m x k, op(B) k x n, C m x n");
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0f || k == 0) {
            scaleOrClear(beta, c);
            return;
        }
        int parts = gemmParts(m, n, k);
        if (parts <= 1) {
            kernels.gemm(opA, opB, alpha, a, b, beta, c, 0, m, 0, n);
            return;
        }
        boolean byColumns = kernels.gemmSplitByColumns(m, n, threads);
        GemmPool.SHARED.gemm(kernels, opA, opB, alpha, a, b, beta, c, byColumns,
                byColumns ? kernels.gemmColAlign() : kernels.gemmRowAlign(), parts, threads);
    }

    /** How many blocks C is split into: 1 (the caller alone) for small products, else up to one per thread. */
    int gemmParts(int m, int n, int k) {
        if (threads == 1 || (long) m * n * k < Tuning.PARALLEL_MIN_MNK || !kernels.gemmSplittable(m, n, k)) {
            return 1;
        }
        boolean byColumns = kernels.gemmSplitByColumns(m, n, threads);
        int dim = byColumns ? n : m;
        int align = byColumns ? kernels.gemmColAlign() : kernels.gemmRowAlign();
        int panels = (dim + align - 1) / align;
        return Math.min(Math.min(threads, panels), Tuning.MAX_PARTS);
    }

    /** C = beta·C, or 0 when beta is 0 (old contents, NaN included, are ignored). */
    private void scaleOrClear(float beta, Matrix c) {
        if (beta == 0f) {
            c.fill(0f);
        } else if (beta != 1f) {
            kernels.scale(beta, c);
        }
    }

    /** {@code C = A · B}. */
    public void mult(Matrix a, Matrix b, Matrix c) {
        gemm(Op.N, Op.N, 1f, a, b, 0f, c);
    }

    /** {@code C = Aᵀ · B}. */
    public void multTransA(Matrix a, Matrix b, Matrix c) {
        gemm(Op.T, Op.N, 1f, a, b, 0f, c);
    }

    /** {@code C = A · Bᵀ}. */
    public void multTransB(Matrix a, Matrix b, Matrix c) {
        gemm(Op.N, Op.T, 1f, a, b, 0f, c);
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y}, where x and y are row vectors ({@code 1 × n} matrices, e.g. a row view).
     * y must not alias A or x.
     */
    public void gemv(Op opA, float alpha, Matrix a, Matrix x, float beta, Matrix y) {
        int m = opA == Op.N ? a.rows() : a.cols();
        int k = opA == Op.N ? a.cols() : a.rows();
        if (x.rows() != 1 || y.rows() != 1 || x.cols() != k || y.cols() != m) {
            throw new IllegalArgumentException("gemv: op(A) is " + m + "x" + k + " (A " + a.shape() + ", " + opA + "), x is " + x.shape()
                    + ", y is " + y.shape() + "; need x 1x" + k + " and y 1x" + m);
        }
        if (alpha == 0f || k == 0) {
            scaleOrClear(beta, y);
            return;
        }
        kernels.gemv(opA, alpha, a, x, beta, y);
    }

    /** Rank-1 update {@code A += alpha * xᵀ · y} with x {@code 1 × m}, y {@code 1 × n}, A {@code m × n}. */
    public void ger(float alpha, Matrix x, Matrix y, Matrix a) {
        if (x.rows() != 1 || y.rows() != 1 || a.rows() != x.cols() || a.cols() != y.cols()) {
            throw new IllegalArgumentException("ger: x is " + x.shape() + ", y is " + y.shape() + ", A is " + a.shape()
                    + "; need x 1xm, y 1xn, A mxn");
        }
        kernels.ger(alpha, x, y, a);
    }

    // ---------------------------------------------------------------- sparse × dense

    /**
     * {@code C = alpha · A · B + beta · C} with a sparse A ({@code m × k}), B {@code k × n}, C {@code m × n}: only the
     * rows of B of A's non-zeros are read (a layer's forward product on a sparse input batch). Each element is one
     * fused multiply-add chain over A's non-zeros of its row in ascending column order, starting from 0
     * ({@code beta == 0}: old contents of C, NaN included, are ignored), C ({@code beta == 1}) or {@code beta · C},
     * with multiplicands {@code alpha · a}; the same bits on both paths and for any thread count. With
     * {@code alpha == 0} A and B are not read and C becomes {@code beta · C}. Large products split C's columns between
     * the threads of the shared pool. C must not alias B.
     */
    public void gemmSparse(float alpha, CsrMatrix a, Matrix b, float beta, Matrix c) {
        if (a.cols() != b.rows() || c.rows() != a.rows() || c.cols() != b.cols()) {
            throw new IllegalArgumentException("gemmSparse: A is " + a.shape() + " (sparse), B is " + b.shape() + ", C is " + c.shape()
                    + "; need A m x k, B k x n, C m x n");
        }
        if (alpha == 0f) {
            scaleOrClear(beta, c);
            return;
        }
        sparse(false, alpha, a, b, beta, c);
    }

    /**
     * {@code W += alpha · Aᵀ · D} with a sparse A ({@code m × k}), D {@code m × n}, W {@code k × n}: only the rows of W
     * of A's non-zero columns change (a layer's weight update, stored input-major, on a sparse input batch). Each
     * changed element is one fused multiply-add chain from its old value over the non-zeros of its column of A in
     * ascending row order, with multiplicands {@code alpha · a}; the same bits on both paths and for any thread count.
     * W must not alias D.
     */
    public void gemmSparseTransA(float alpha, CsrMatrix a, Matrix d, Matrix w) {
        gemmSparseTransA(alpha, a, d, 1f, w);
    }

    /**
     * {@code W = beta · W + alpha · Aᵀ · D}, shapes as in {@link #gemmSparseTransA(float, CsrMatrix, Matrix, Matrix)}:
     * a weight update with weight decay ({@code beta = 1 − ηα}) in one pass over W. Each element of a row of W of a
     * non-zero column of A is the chain from {@code beta · w} ({@code w} for {@code beta == 1}, 0 for
     * {@code beta == 0}); every other element becomes {@code beta · w} (0 for {@code beta == 0}; untouched for
     * {@code beta == 1}). For {@code beta != 0} that is bit for bit {@link #scale} by beta followed by the update
     * without it; {@code beta == 0} ignores W's old contents, NaN included, as {@link #gemm} does. W must not alias D.
     */
    public void gemmSparseTransA(float alpha, CsrMatrix a, Matrix d, float beta, Matrix w) {
        if (d.rows() != a.rows() || w.rows() != a.cols() || w.cols() != d.cols()) {
            throw new IllegalArgumentException("gemmSparseTransA: A is " + a.shape() + " (sparse), D is " + d.shape() + ", W is "
                    + w.shape() + "; need A m x k, D m x n, W k x n");
        }
        if (alpha == 0f) {
            if (beta != 1f) {
                scaleOrClear(beta, w);
            }
            return;
        }
        a.ensureColumns();
        sparse(true, alpha, a, d, beta, w);
    }

    private void sparse(boolean transA, float alpha, CsrMatrix a, Matrix b, float beta, Matrix c) {
        if (c.rows() == 0 || c.cols() == 0) {
            return;
        }
        int align = Tuning.COLUMN_BLOCK;
        int panels = (c.cols() + align - 1) / align;
        int parts = threads == 1 || (long) a.nonZeros() * c.cols() < Tuning.SPARSE_PARALLEL_MIN ? 1
                : Math.min(Math.min(threads, panels), Tuning.MAX_PARTS);
        if (parts <= 1) {
            GemmPool.runSparse(kernels, transA, alpha, a.index(transA), b, beta, c, 0, c.cols());
            return;
        }
        GemmPool.SHARED.sparse(kernels, transA, alpha, a.index(transA), b, beta, c, align, parts, threads);
    }

    // ---------------------------------------------------------------- element-wise (out may be the input)

    /**
     * Runs element-wise operation {@code op}: on the shared pool, split by columns exactly as a sparse product of the
     * same width is (so each thread reads the columns it has just written), when this instance has threads to spare,
     * runs the vector path and {@code out} is large and wide enough; else in this thread. The bits do not depend on
     * the split: each element takes the same lane operation.
     */
    private void elementwise(ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        int align = Tuning.COLUMN_BLOCK;
        if (threads == 1 || path != KernelPath.VECTOR || (long) out.rows() * out.cols() < Tuning.ELEMENTWISE_PARALLEL_MIN
                || out.cols() < 2 * align) {
            kernels.elementwise(op, a, b, out);
            return;
        }
        int panels = (out.cols() + align - 1) / align;
        GemmPool.SHARED.columns(kernels, op, a, b, out, align, Math.min(Math.min(threads, panels), Tuning.MAX_PARTS), threads);
    }

    /** {@link #elementwise} of a unary op, {@code name}'s shape check first. */
    private void unary(String name, ElementwiseOp op, Matrix in, Matrix out) {
        Matrix.requireSameShape(name, in, out);
        elementwise(op, in, null, out);
    }

    /** {@link #elementwise} of a binary op, {@code name}'s shape checks first. */
    private void binary(String name, ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        Matrix.requireSameShape(name, a, b);
        Matrix.requireSameShape(name, a, out);
        elementwise(op, a, b, out);
    }

    /** {@code out = 1 / (1 + exp(-in))}, element-wise. {@code out} may be {@code in}. */
    public void logistic(Matrix in, Matrix out) {
        unary("logistic", ElementwiseOp.LOGISTIC, in, out);
    }

    /** {@code out = tanh(in)}, element-wise. {@code out} may be {@code in}. */
    public void tanh(Matrix in, Matrix out) {
        unary("tanh", ElementwiseOp.TANH, in, out);
    }

    /** {@code out = max(in, 0)}, element-wise. {@code out} may be {@code in}. */
    public void relu(Matrix in, Matrix out) {
        unary("relu", ElementwiseOp.RELU, in, out);
    }

    /** Logistic derivative from the activation {@code y = σ(a)}: {@code out = y (1 − y)}. {@code out} may be the input. */
    public void logisticDerivative(Matrix activation, Matrix out) {
        unary("logisticDerivative", ElementwiseOp.LOGISTIC_DERIVATIVE, activation, out);
    }

    /** Tanh derivative from the activation {@code y = tanh(a)}: {@code out = 1 − y²}. {@code out} may be the input. */
    public void tanhDerivative(Matrix activation, Matrix out) {
        unary("tanhDerivative", ElementwiseOp.TANH_DERIVATIVE, activation, out);
    }

    /** ReLU derivative from the activation {@code y = max(a, 0)}: {@code out = y > 0 ? 1 : 0}. {@code out} may be the input. */
    public void reluDerivative(Matrix activation, Matrix out) {
        unary("reluDerivative", ElementwiseOp.RELU_DERIVATIVE, activation, out);
    }

    /** The derivative {@link #timesDerivative} multiplies by, computed from the activation {@code y}. */
    public enum Derivative {
        /** The logistic's, {@code y(1 − y)}. */
        LOGISTIC,
        /** tanh's, {@code 1 − y²}. */
        TANH,
        /** The ReLU's, {@code y > 0 ? 1 : 0}. */
        RELU
    }

    /**
     * {@code delta ∘= f'(a)} with {@code f'} computed from the activation {@code y = f(a)}: the step
     * {@code δ = Δh ∘ f'(a)} of backprop and its relatives in one pass, with no buffer for {@code f'}. Each element is
     * rounded as {@link #logisticDerivative} (or the tanh or ReLU one) followed by {@link #hadamard} round it, so the
     * result has their bits. {@code delta} may be {@code activation}.
     */
    public void timesDerivative(Derivative f, Matrix activation, Matrix delta) {
        Objects.requireNonNull(f, "f");
        Matrix.requireSameShape("timesDerivative", activation, delta);
        elementwise(ElementwiseOp.times(f), activation, null, delta);
    }

    /** {@code out = a ∘ b} (element-wise product). {@code out} may be {@code a} or {@code b}. */
    public void hadamard(Matrix a, Matrix b, Matrix out) {
        binary("hadamard", ElementwiseOp.HADAMARD, a, b, out);
    }

    /** {@code out = a − b}. {@code out} may be {@code a} or {@code b}. */
    public void sub(Matrix a, Matrix b, Matrix out) {
        binary("sub", ElementwiseOp.SUB, a, b, out);
    }

    /** {@code y += alpha * x}. */
    public void axpy(float alpha, Matrix x, Matrix y) {
        Matrix.requireSameShape("axpy", x, y);
        kernels.axpy(alpha, x, y);
    }

    /** {@code x *= alpha}. */
    public void scale(float alpha, Matrix x) {
        kernels.scale(alpha, x);
    }

    /** Adds the row vector {@code row} ({@code 1 × n}) to every row of {@code m} ({@code k × n}): a bias. */
    public void addRowVector(Matrix m, Matrix row) {
        if (row.rows() != 1 || row.cols() != m.cols()) {
            throw new IllegalArgumentException("addRowVector: row is " + row.shape() + ", matrix is " + m.shape() + "; need row 1x" + m.cols());
        }
        elementwise(ElementwiseOp.ADD_ROW, m, row, m);
    }

    /** {@code out(0, j) = Σ_i m(i, j)}: the bias gradient of a batch. {@code out} is {@code 1 × n}. */
    public void columnSums(Matrix m, Matrix out) {
        if (out.rows() != 1 || out.cols() != m.cols()) {
            throw new IllegalArgumentException("columnSums: out is " + out.shape() + ", matrix is " + m.shape() + "; need out 1x" + m.cols());
        }
        kernels.columnSums(m, out);
    }

    /** {@code out[i]} = column of the largest element of row {@code i} (the first, on ties). */
    public void argmaxRows(Matrix m, int[] out) {
        if (out.length < m.rows()) {
            throw new IllegalArgumentException("argmaxRows: out has " + out.length + " slots, matrix has " + m.rows() + " rows");
        }
        if (m.cols() == 0) {
            throw new IllegalArgumentException("argmaxRows: matrix " + m.shape() + " has no columns");
        }
        kernels.argmaxRows(m, out);
    }

    /** {@code Σ a(i, j) b(i, j)}. */
    public float dot(Matrix a, Matrix b) {
        Matrix.requireSameShape("dot", a, b);
        return kernels.dot(a, b);
    }

    /** {@code Σ a(i, j)²}. */
    public float squaredNorm(Matrix a) {
        return kernels.squaredNorm(a);
    }

    @Override
    public String toString() {
        return "Linalg[path=" + path + ", threads=" + threads + "]";
    }
}
