package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.fa4j.simd.internal.ElementwiseOp;
import org.fa4j.simd.internal.KernelLoader;
import org.fa4j.simd.internal.SparseIndex;

/**
 * The Vector API kernels. GEMM runs the packed micro-kernel of {@link VectorGemm}, except when C is a single row or
 * column: then it is a matrix–vector product and streams through {@link VectorBlas2}. The element-wise kernels are in
 * {@link VectorElementwise}.
 *
 * <p>Determinism: every kernel here uses only lane operations that IEEE 754 rounds exactly, and sums lanes in a
 * fixed order ({@link VectorMath}), so a result has the same bits in the interpreter's Java fallback and in C2's
 * intrinsics: it does not depend on when the JIT compiles what. logistic and tanh are {@link VectorMath}'s
 * polynomial implementations, not {@code VectorOperators.EXP/TANH} (whose fallback and intrinsic round
 * differently); their accuracy is documented there.
 */
public final class VectorKernels implements KernelLoader.VectorPath {

    /** The one species of the vector path: a {@code static final} constant, so C2 intrinsifies every use. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** The one instance ({@link KernelLoader} reads it by name). */
    public static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {
    }

    @Override
    public int preferredBits() {
        return SPECIES.vectorBitSize();
    }

    // ---------------------------------------------------------------- BLAS

    @Override
    public void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1) {
        int m = c.rows();
        int n = c.cols();
        if (m == 1 || n == 1) {
            // A matrix–vector product: packing would cost as much as the product. Only whole C reaches here
            // (gemmSplittable is false), so the route depends on the shape alone.
            gemvRoute(opA, opB, alpha, a, b, beta, c);
            return;
        }
        VectorGemm.gemm(opA, opB, alpha, a, b, beta, c, i0, i1, j0, j1, null);
    }

    @Override
    public long gemmSharedASize(int m, int k) {
        return VectorGemm.sharedSize(m, k);
    }

    @Override
    public int gemmSharedAPieces(int m, int k) {
        return VectorGemm.sharedPieces(m, k);
    }

    @Override
    public void gemmPackSharedA(Op opA, Matrix a, int m, int k, int from, int to, float[] packedA) {
        VectorGemm.packShared(opA, a, m, k, from, to, packedA);
    }

    @Override
    public void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int j0, int j1, float[] packedA) {
        VectorGemm.gemm(opA, opB, alpha, a, b, beta, c, 0, c.rows(), j0, j1, packedA);
    }

    @Override
    public boolean gemmSplittable(int m, int n, int k) {
        return m > 1 && n > 1;
    }

    /**
     * By rows also when C is wider than tall but every thread gets at least a row block ({@link VectorGemm#MC} rows)
     * and C is at most twice as wide: each thread then packs all of op(B) for itself, where a split by columns packs
     * op(A) once for all threads. Wider C, and a batch of 100 rows, stay split by columns.
     */
    @Override
    public boolean gemmSplitByColumns(int m, int n, int threads) {
        if (m >= threads * VectorGemm.MC && n <= 2 * m) {
            return false;
        }
        return n >= m;
    }

    @Override
    public int gemmRowAlign() {
        return VectorGemm.MR;
    }

    /**
     * One vector, not a whole micro-tile: a thread's last panel may then be one or two vectors wide, which
     * {@link MicroKernels#kernelOne}/{@link MicroKernels#kernelTwo} compute at a third or two thirds of a panel's cost,
     * so the threads' shares differ by less (1000 columns on two threads: 10⅓ and 10⅔ panels' work instead of 10 and
     * 11).
     */
    @Override
    public int gemmColAlign() {
        return VectorGemm.L;
    }

    private static void gemvRoute(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        if (c.rows() == 1) {
            // C(0, j) = Σ_p op(A)(0, p) op(B)(p, j): x is row 0 of op(A).
            int xInc = opA == Op.N ? 1 : a.stride();
            if (opB == Op.N) {
                VectorBlas2.gemvT(alpha, b, a.array(), a.offset(), xInc, beta, c.array(), c.offset(), 1);
            } else {
                VectorBlas2.gemvN(alpha, b, a.array(), a.offset(), xInc, beta, c.array(), c.offset(), 1);
            }
        } else {
            // C(i, 0) = Σ_p op(A)(i, p) op(B)(p, 0): x is column 0 of op(B), y is column 0 of C.
            int xInc = opB == Op.N ? b.stride() : 1;
            if (opA == Op.N) {
                VectorBlas2.gemvN(alpha, a, b.array(), b.offset(), xInc, beta, c.array(), c.offset(), c.stride());
            } else {
                VectorBlas2.gemvT(alpha, a, b.array(), b.offset(), xInc, beta, c.array(), c.offset(), c.stride());
            }
        }
    }

    @Override
    public void gemv(Op opA, float alpha, Matrix a, Matrix x, float beta, Matrix y) {
        if (opA == Op.N) {
            VectorBlas2.gemvN(alpha, a, x.array(), x.offset(), 1, beta, y.array(), y.offset(), 1);
        } else {
            VectorBlas2.gemvT(alpha, a, x.array(), x.offset(), 1, beta, y.array(), y.offset(), 1);
        }
    }

    @Override
    public void ger(float alpha, Matrix x, Matrix y, Matrix a) {
        VectorBlas2.ger(alpha, x, y, a);
    }

    // ---------------------------------------------------------------- element-wise (VectorElementwise)

    @Override
    public void elementwise(ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        VectorElementwise.elementwise(op, a, b, out);
    }

    @Override
    public void columns(ElementwiseOp op, Matrix a, Matrix b, Matrix out, int j0, int j1) {
        VectorElementwise.columns(op, a, b, out, j0, j1);
    }

    @Override
    public void axpy(float alpha, Matrix x, Matrix y) {
        VectorElementwise.axpy(alpha, x, y);
    }

    @Override
    public void scale(float alpha, Matrix x) {
        VectorElementwise.scale(alpha, x);
    }

    @Override
    public void columnSums(Matrix m, Matrix out) {
        VectorElementwise.columnSums(m, out);
    }

    @Override
    public void argmaxRows(Matrix m, int[] out) {
        VectorElementwise.argmaxRows(m, out);
    }

    @Override
    public float dot(Matrix a, Matrix b) {
        return VectorElementwise.dot(a, b);
    }

    @Override
    public float squaredNorm(Matrix a) {
        return VectorElementwise.squaredNorm(a);
    }

    // ---------------------------------------------------------------- sparse (VectorSparse, VectorCompress)

    @Override
    public void sparseProduct(SparseIndex a, float alpha, Matrix b, float beta, Matrix c, int j0, int j1) {
        VectorSparse.product(a, alpha, b, beta, c, j0, j1);
    }

    @Override
    public void sparseUpdate(SparseIndex aT, float alpha, Matrix d, float beta, Matrix w, int j0, int j1) {
        VectorSparse.update(aT, alpha, d, beta, w, j0, j1);
    }

    @Override
    public int compressRow(float[] d, int o, int cols, int[] idx, float[] val, int nnz) {
        return VectorCompress.row(d, o, cols, idx, val, nnz);
    }
}
