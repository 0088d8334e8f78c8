package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels. GEMM runs the packed micro-kernel of {@link VectorGemm}, except when C is a single row or
 * column: then it is a matrix–vector product and streams through {@link VectorBlas2}. Element-wise kernels run
 * over each row (or the whole matrix when it is contiguous) in vectors of the preferred species, with a masked tail so
 * that every element takes the same vector operation.
 *
 * <p>Accuracy of the transcendental kernels: {@code logistic} computes {@code 1 / (1 + exp(-x))} with
 * {@code VectorOperators.EXP} and {@code tanh} uses {@code VectorOperators.TANH}; on x86 HotSpot both are the JDK's
 * SVML-based intrinsics. Measured against {@code Math.exp}/{@code Math.tanh} in double precision on 2^20 points of
 * [-30, 30] plus special values ({@code VectorKernelsAccuracyTest}, which fails above the bounds given here): tanh
 * at most 0.50 ulp of the exact result (bound asserted: 2 ulp), logistic at most 2.41 ulp (bound asserted: 3 ulp;
 * the add and divide in float contribute up to 1 ulp each), i.e. relative error below 2e-7. ±∞ saturate to 0/1 and
 * ±1.
 */
final class VectorKernels implements Kernels {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {
    }

    static int preferredBits() {
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
        VectorGemm.gemm(opA, opB, alpha, a, b, beta, c, i0, i1, j0, j1);
    }

    @Override
    public boolean gemmSplittable(int m, int n, int k) {
        return m > 1 && n > 1;
    }

    @Override
    public int gemmRowAlign() {
        return VectorGemm.MR;
    }

    @Override
    public int gemmColAlign() {
        return VectorGemm.NR;
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

    // ---------------------------------------------------------------- element-wise

    private static final int LOGISTIC = 0;
    private static final int TANH = 1;
    private static final int RELU = 2;
    private static final int D_LOGISTIC = 3;
    private static final int D_TANH = 4;
    private static final int D_RELU = 5;

    @Override
    public void logistic(Matrix in, Matrix out) {
        unary(LOGISTIC, in, out);
    }

    @Override
    public void tanh(Matrix in, Matrix out) {
        unary(TANH, in, out);
    }

    @Override
    public void relu(Matrix in, Matrix out) {
        unary(RELU, in, out);
    }

    @Override
    public void logisticDerivative(Matrix activation, Matrix out) {
        unary(D_LOGISTIC, activation, out);
    }

    @Override
    public void tanhDerivative(Matrix activation, Matrix out) {
        unary(D_TANH, activation, out);
    }

    @Override
    public void reluDerivative(Matrix activation, Matrix out) {
        unary(D_RELU, activation, out);
    }

    private static void unary(int op, Matrix in, Matrix out) {
        float[] id = in.array();
        float[] od = out.array();
        if (in.isContiguous() && out.isContiguous()) {
            unaryRun(op, id, in.offset(), od, out.offset(), in.size());
            return;
        }
        for (int i = 0; i < in.rows(); i++) {
            unaryRun(op, id, in.offset() + i * in.stride(), od, out.offset() + i * out.stride(), in.cols());
        }
    }

    private static void unaryRun(int op, float[] in, int io, float[] out, int oo, int n) {
        switch (op) {
            case LOGISTIC -> logisticRun(in, io, out, oo, n);
            case TANH -> tanhRun(in, io, out, oo, n);
            case RELU -> reluRun(in, io, out, oo, n);
            case D_LOGISTIC -> dLogisticRun(in, io, out, oo, n);
            case D_TANH -> dTanhRun(in, io, out, oo, n);
            default -> dReluRun(in, io, out, oo, n);
        }
    }

    private static FloatVector logistic(FloatVector v) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        return one.div(one.add(v.neg().lanewise(VectorOperators.EXP)));
    }

    private static void logisticRun(float[] in, int io, float[] out, int oo, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            logistic(FloatVector.fromArray(SPECIES, in, io + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            logistic(FloatVector.fromArray(SPECIES, in, io + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void tanhRun(float[] in, int io, float[] out, int oo, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(SPECIES, in, io + j).lanewise(VectorOperators.TANH).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            FloatVector.fromArray(SPECIES, in, io + j, m).lanewise(VectorOperators.TANH).intoArray(out, oo + j, m);
        }
    }

    private static FloatVector relu(FloatVector v) {
        // v > 0 ? v : 0 (NaN and -0 give +0, as in the scalar path).
        return FloatVector.zero(SPECIES).blend(v, v.compare(VectorOperators.GT, 0f));
    }

    private static void reluRun(float[] in, int io, float[] out, int oo, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            relu(FloatVector.fromArray(SPECIES, in, io + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            relu(FloatVector.fromArray(SPECIES, in, io + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void dLogisticRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j);
            y.mul(one.sub(y)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j, m);
            y.mul(one.sub(y)).intoArray(out, oo + j, m);
        }
    }

    private static void dTanhRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j);
            one.sub(y.mul(y)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j, m);
            one.sub(y.mul(y)).intoArray(out, oo + j, m);
        }
    }

    private static void dReluRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector zero = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j);
            zero.blend(one, y.compare(VectorOperators.GT, 0f)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(SPECIES, in, io + j, m);
            zero.blend(one, y.compare(VectorOperators.GT, 0f)).intoArray(out, oo + j, m);
        }
    }

    private static final int HADAMARD = 0;
    private static final int SUB = 1;

    @Override
    public void hadamard(Matrix a, Matrix b, Matrix out) {
        binary(HADAMARD, a, b, out);
    }

    @Override
    public void sub(Matrix a, Matrix b, Matrix out) {
        binary(SUB, a, b, out);
    }

    private static void binary(int op, Matrix a, Matrix b, Matrix out) {
        if (a.isContiguous() && b.isContiguous() && out.isContiguous()) {
            binaryRun(op, a.array(), a.offset(), b.array(), b.offset(), out.array(), out.offset(), a.size());
            return;
        }
        for (int i = 0; i < a.rows(); i++) {
            binaryRun(op, a.array(), a.offset() + i * a.stride(), b.array(), b.offset() + i * b.stride(),
                    out.array(), out.offset() + i * out.stride(), a.cols());
        }
    }

    private static void binaryRun(int op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        if (op == HADAMARD) {
            for (; j < bound; j += L) {
                FloatVector.fromArray(SPECIES, a, ao + j).mul(FloatVector.fromArray(SPECIES, b, bo + j)).intoArray(out, oo + j);
            }
            if (j < n) {
                VectorMask<Float> m = SPECIES.indexInRange(j, n);
                FloatVector.fromArray(SPECIES, a, ao + j, m).mul(FloatVector.fromArray(SPECIES, b, bo + j, m)).intoArray(out, oo + j, m);
            }
        } else {
            for (; j < bound; j += L) {
                FloatVector.fromArray(SPECIES, a, ao + j).sub(FloatVector.fromArray(SPECIES, b, bo + j)).intoArray(out, oo + j);
            }
            if (j < n) {
                VectorMask<Float> m = SPECIES.indexInRange(j, n);
                FloatVector.fromArray(SPECIES, a, ao + j, m).sub(FloatVector.fromArray(SPECIES, b, bo + j, m)).intoArray(out, oo + j, m);
            }
        }
    }

    @Override
    public void axpy(float alpha, Matrix x, Matrix y) {
        if (x.isContiguous() && y.isContiguous()) {
            axpyRun(alpha, x.array(), x.offset(), y.array(), y.offset(), x.size());
            return;
        }
        for (int i = 0; i < x.rows(); i++) {
            axpyRun(alpha, x.array(), x.offset() + i * x.stride(), y.array(), y.offset() + i * y.stride(), x.cols());
        }
    }

    /** {@code y[yo + j] = fma(alpha, x[xo + j], y[yo + j])} for j below n. */
    static void axpyRun(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector s = FloatVector.broadcast(SPECIES, alpha);
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            s.fma(FloatVector.fromArray(SPECIES, x, xo + j), FloatVector.fromArray(SPECIES, y, yo + j)).intoArray(y, yo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            s.fma(FloatVector.fromArray(SPECIES, x, xo + j, m), FloatVector.fromArray(SPECIES, y, yo + j, m)).intoArray(y, yo + j, m);
        }
    }

    @Override
    public void scale(float alpha, Matrix x) {
        if (x.isContiguous()) {
            scaleRun(alpha, x.array(), x.offset(), x.size());
            return;
        }
        for (int i = 0; i < x.rows(); i++) {
            scaleRun(alpha, x.array(), x.offset() + i * x.stride(), x.cols());
        }
    }

    private static void scaleRun(float alpha, float[] x, int xo, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(SPECIES, x, xo + j).mul(alpha).intoArray(x, xo + j);
        }
        if (j < n) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            FloatVector.fromArray(SPECIES, x, xo + j, m).mul(alpha).intoArray(x, xo + j, m);
        }
    }

    @Override
    public void addRowVector(Matrix m, Matrix row) {
        float[] md = m.array();
        float[] rd = row.array();
        int n = m.cols();
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            int ro = row.offset();
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(SPECIES, md, mo + j).add(FloatVector.fromArray(SPECIES, rd, ro + j)).intoArray(md, mo + j);
            }
            if (j < n) {
                VectorMask<Float> k = SPECIES.indexInRange(j, n);
                FloatVector.fromArray(SPECIES, md, mo + j, k).add(FloatVector.fromArray(SPECIES, rd, ro + j, k)).intoArray(md, mo + j, k);
            }
        }
    }

    @Override
    public void columnSums(Matrix m, Matrix out) {
        // Sums each column top to bottom, as the scalar path does (same result bit for bit).
        float[] md = m.array();
        float[] od = out.array();
        int oo = out.offset();
        int n = m.cols();
        java.util.Arrays.fill(od, oo, oo + n, 0f);
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(SPECIES, od, oo + j).add(FloatVector.fromArray(SPECIES, md, mo + j)).intoArray(od, oo + j);
            }
            if (j < n) {
                VectorMask<Float> k = SPECIES.indexInRange(j, n);
                FloatVector.fromArray(SPECIES, od, oo + j, k).add(FloatVector.fromArray(SPECIES, md, mo + j, k)).intoArray(od, oo + j, k);
            }
        }
    }

    @Override
    public void argmaxRows(Matrix m, int[] out) {
        float[] md = m.array();
        int n = m.cols();
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            FloatVector best = FloatVector.broadcast(SPECIES, md[mo]);
            int j = 0;
            for (; j < bound; j += L) {
                best = best.max(FloatVector.fromArray(SPECIES, md, mo + j));
            }
            float max = best.reduceLanes(VectorOperators.MAX);
            for (; j < n; j++) {
                max = Math.max(max, md[mo + j]);
            }
            int at = -1;
            if (!Float.isNaN(max)) {
                int q = 0;
                for (; q < bound; q += L) {
                    VectorMask<Float> eq = FloatVector.fromArray(SPECIES, md, mo + q).compare(VectorOperators.EQ, max);
                    if (eq.anyTrue()) {
                        at = q + eq.firstTrue();
                        break;
                    }
                }
                for (; at < 0 && q < n; q++) {
                    if (md[mo + q] == max) {
                        at = q;
                    }
                }
            }
            out[i] = at >= 0 ? at : scalarArgmax(md, mo, n);
        }
    }

    /** First index of the largest value under {@code >}, ignoring NaN after the first element (the scalar rule). */
    private static int scalarArgmax(float[] d, int o, int n) {
        int best = 0;
        float bv = d[o];
        for (int j = 1; j < n; j++) {
            if (d[o + j] > bv) {
                bv = d[o + j];
                best = j;
            }
        }
        return best;
    }

    @Override
    public float dot(Matrix a, Matrix b) {
        if (a.isContiguous() && b.isContiguous()) {
            return dotRun(a.array(), a.offset(), b.array(), b.offset(), a.size());
        }
        float s = 0f;
        for (int i = 0; i < a.rows(); i++) {
            s += dotRun(a.array(), a.offset() + i * a.stride(), b.array(), b.offset() + i * b.stride(), a.cols());
        }
        return s;
    }

    /** Σ x[xo + j] y[yo + j] with four vector accumulators, reduced at the end. */
    static float dotRun(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int j = 0;
        int bound4 = n - 4 * L;
        for (; j <= bound4; j += 4 * L) {
            s0 = FloatVector.fromArray(SPECIES, x, xo + j).fma(FloatVector.fromArray(SPECIES, y, yo + j), s0);
            s1 = FloatVector.fromArray(SPECIES, x, xo + j + L).fma(FloatVector.fromArray(SPECIES, y, yo + j + L), s1);
            s2 = FloatVector.fromArray(SPECIES, x, xo + j + 2 * L).fma(FloatVector.fromArray(SPECIES, y, yo + j + 2 * L), s2);
            s3 = FloatVector.fromArray(SPECIES, x, xo + j + 3 * L).fma(FloatVector.fromArray(SPECIES, y, yo + j + 3 * L), s3);
        }
        for (; j < n; j += L) {
            VectorMask<Float> m = SPECIES.indexInRange(j, n);
            s0 = FloatVector.fromArray(SPECIES, x, xo + j, m).fma(FloatVector.fromArray(SPECIES, y, yo + j, m), s0);
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    @Override
    public float squaredNorm(Matrix a) {
        return dot(a, a);
    }
}
