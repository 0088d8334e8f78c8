package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.internal.ElementwiseOp;

/**
 * The element-wise kernels of the vector path. Each runs over a row (or over the whole matrix when every operand is
 * contiguous) in vectors of the preferred species with a masked tail, so every element takes the same vector
 * operation whatever its column. logistic and tanh are {@link VectorMath}'s (exactly rounded lane operations only,
 * so the bits do not depend on the JIT state); accuracy: see there.
 */
final class VectorElementwise {

    private static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    /** Operation {@code op} on the whole of {@code out} ({@link org.fa4j.simd.internal.Kernels#elementwise}). */
    static void elementwise(ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        switch (op) {
            case HADAMARD, SUB -> binary(op, a, b, out);
            case ADD_ROW, TIMES_LOGISTIC_DERIVATIVE, TIMES_TANH_DERIVATIVE, TIMES_RELU_DERIVATIVE ->
                    columns(op, a, b, out, 0, out.cols()); // row by row
            default -> unary(op, a, out);
        }
    }

    /**
     * Operation {@code op} on the columns {@code [j0, j1)} only: one thread's share when a large matrix is split
     * between threads. Each element takes the same lane operation as in the whole-matrix call, so the bits do not
     * depend on the split.
     */
    static void columns(ElementwiseOp op, Matrix a, Matrix b, Matrix out, int j0, int j1) {
        int n = j1 - j0;
        float[] od = out.array();
        for (int i = 0; i < out.rows(); i++) {
            int oo = out.offset() + i * out.stride() + j0;
            switch (op) {
                case HADAMARD, SUB -> binaryRun(op, a.array(), a.offset() + i * a.stride() + j0, b.array(),
                        b.offset() + i * b.stride() + j0, od, oo, n);
                case ADD_ROW -> addRun(od, oo, b.array(), b.offset() + j0, od, oo, n);
                case TIMES_LOGISTIC_DERIVATIVE, TIMES_TANH_DERIVATIVE, TIMES_RELU_DERIVATIVE ->
                        timesDerivativeRun(op, a.array(), a.offset() + i * a.stride() + j0, od, oo, n);
                default -> unaryRun(op, a.array(), a.offset() + i * a.stride() + j0, od, oo, n);
            }
        }
    }

    private static void unary(ElementwiseOp op, Matrix in, Matrix out) {
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

    private static void unaryRun(ElementwiseOp op, float[] in, int io, float[] out, int oo, int n) {
        switch (op) {
            case LOGISTIC -> logisticRun(in, io, out, oo, n);
            case TANH -> tanhRun(in, io, out, oo, n);
            case RELU -> reluRun(in, io, out, oo, n);
            case LOGISTIC_DERIVATIVE -> dLogisticRun(in, io, out, oo, n);
            case TANH_DERIVATIVE -> dTanhRun(in, io, out, oo, n);
            default -> dReluRun(in, io, out, oo, n);
        }
    }

    // logistic and tanh: one call site of the (large) VectorMath function per loop, the tail included, so C2
    // inlines it there; C2 leaves a second, once-per-call site for the tail out of line, where it boxes its vectors.

    private static void logisticRun(float[] in, int io, float[] out, int oo, int n) {
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> m = S.indexInRange(j, n);
            VectorMath.logistic(FloatVector.fromArray(S, in, io + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void tanhRun(float[] in, int io, float[] out, int oo, int n) {
        for (int j = 0; j < n; j += L) {
            VectorMask<Float> m = S.indexInRange(j, n);
            VectorMath.tanh(FloatVector.fromArray(S, in, io + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static FloatVector relu(FloatVector v) {
        // v > 0 ? v : 0 (NaN and -0 give +0, as in the scalar path).
        return FloatVector.zero(S).blend(v, v.compare(VectorOperators.GT, 0f));
    }

    private static void reluRun(float[] in, int io, float[] out, int oo, int n) {
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            relu(FloatVector.fromArray(S, in, io + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            relu(FloatVector.fromArray(S, in, io + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void dLogisticRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            y.mul(one.sub(y)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            y.mul(one.sub(y)).intoArray(out, oo + j, m);
        }
    }

    private static void dTanhRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            one.sub(y.mul(y)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            one.sub(y.mul(y)).intoArray(out, oo + j, m);
        }
    }

    private static void dReluRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            zero.blend(one, y.compare(VectorOperators.GT, 0f)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            zero.blend(one, y.compare(VectorOperators.GT, 0f)).intoArray(out, oo + j, m);
        }
    }

    // out ∘= f'(y): one method per function (see binaryRun); f' rounds as the derivative kernels do, then the
    // product. The lane expressions are written out here and in d*Run: C2 leaves helpers shared by both
    // (dLogistic(y, one), ...) out of line at some call sites, where they box their vectors.
    private static void timesDerivativeRun(ElementwiseOp op, float[] y, int yo, float[] out, int oo, int n) {
        if (op == ElementwiseOp.TIMES_LOGISTIC_DERIVATIVE) {
            timesDLogisticRun(y, yo, out, oo, n);
        } else if (op == ElementwiseOp.TIMES_TANH_DERIVATIVE) {
            timesDTanhRun(y, yo, out, oo, n);
        } else {
            timesDReluRun(y, yo, out, oo, n);
        }
    }

    private static void timesDLogisticRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            FloatVector.fromArray(S, out, oo + j).mul(y.mul(one.sub(y))).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            FloatVector.fromArray(S, out, oo + j, m).mul(y.mul(one.sub(y))).intoArray(out, oo + j, m);
        }
    }

    private static void timesDTanhRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            FloatVector.fromArray(S, out, oo + j).mul(one.sub(y.mul(y))).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            FloatVector.fromArray(S, out, oo + j, m).mul(one.sub(y.mul(y))).intoArray(out, oo + j, m);
        }
    }

    private static void timesDReluRun(float[] in, int io, float[] out, int oo, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector y = FloatVector.fromArray(S, in, io + j);
            FloatVector.fromArray(S, out, oo + j).mul(zero.blend(one, y.compare(VectorOperators.GT, 0f))).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector y = FloatVector.fromArray(S, in, io + j, m);
            FloatVector.fromArray(S, out, oo + j, m).mul(zero.blend(one, y.compare(VectorOperators.GT, 0f))).intoArray(out, oo + j, m);
        }
    }

    private static void binary(ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        if (a.isContiguous() && b.isContiguous() && out.isContiguous()) {
            binaryRun(op, a.array(), a.offset(), b.array(), b.offset(), out.array(), out.offset(), a.size());
            return;
        }
        for (int i = 0; i < a.rows(); i++) {
            binaryRun(op, a.array(), a.offset() + i * a.stride(), b.array(), b.offset() + i * b.stride(),
                    out.array(), out.offset() + i * out.stride(), a.cols());
        }
    }

    // One method per operation: a single method with all three loops falls back to the Java (non-intrinsic) vector
    // code, which allocates per vector, once every branch has been taken, as large vector methods here can.
    private static void binaryRun(ElementwiseOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        if (op == ElementwiseOp.HADAMARD) {
            mulRun(a, ao, b, bo, out, oo, n);
        } else {
            subRun(a, ao, b, bo, out, oo, n);
        }
    }

    private static void mulRun(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, a, ao + j).mul(FloatVector.fromArray(S, b, bo + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, a, ao + j, m).mul(FloatVector.fromArray(S, b, bo + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void subRun(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, a, ao + j).sub(FloatVector.fromArray(S, b, bo + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, a, ao + j, m).sub(FloatVector.fromArray(S, b, bo + j, m)).intoArray(out, oo + j, m);
        }
    }

    private static void addRun(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, a, ao + j).add(FloatVector.fromArray(S, b, bo + j)).intoArray(out, oo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, a, ao + j, m).add(FloatVector.fromArray(S, b, bo + j, m)).intoArray(out, oo + j, m);
        }
    }

    static void axpy(float alpha, Matrix x, Matrix y) {
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
        FloatVector s = FloatVector.broadcast(S, alpha);
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            s.fma(FloatVector.fromArray(S, x, xo + j), FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            s.fma(FloatVector.fromArray(S, x, xo + j, m), FloatVector.fromArray(S, y, yo + j, m)).intoArray(y, yo + j, m);
        }
    }

    static void scale(float alpha, Matrix x) {
        if (x.isContiguous()) {
            scaleRun(alpha, x.array(), x.offset(), x.size());
            return;
        }
        for (int i = 0; i < x.rows(); i++) {
            scaleRun(alpha, x.array(), x.offset() + i * x.stride(), x.cols());
        }
    }

    private static void scaleRun(float alpha, float[] x, int xo, int n) {
        int bound = S.loopBound(n);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, x, xo + j).mul(alpha).intoArray(x, xo + j);
        }
        if (j < n) {
            VectorMask<Float> m = S.indexInRange(j, n);
            FloatVector.fromArray(S, x, xo + j, m).mul(alpha).intoArray(x, xo + j, m);
        }
    }

    static void columnSums(Matrix m, Matrix out) {
        // Sums each column top to bottom, as the scalar path does (same result bit for bit).
        float[] md = m.array();
        float[] od = out.array();
        int oo = out.offset();
        int n = m.cols();
        java.util.Arrays.fill(od, oo, oo + n, 0f);
        int bound = S.loopBound(n);
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, od, oo + j).add(FloatVector.fromArray(S, md, mo + j)).intoArray(od, oo + j);
            }
            if (j < n) {
                VectorMask<Float> k = S.indexInRange(j, n);
                FloatVector.fromArray(S, od, oo + j, k).add(FloatVector.fromArray(S, md, mo + j, k)).intoArray(od, oo + j, k);
            }
        }
    }

    static void argmaxRows(Matrix m, int[] out) {
        float[] md = m.array();
        int n = m.cols();
        int bound = S.loopBound(n);
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            FloatVector best = FloatVector.broadcast(S, md[mo]);
            int j = 0;
            for (; j < bound; j += L) {
                best = best.max(FloatVector.fromArray(S, md, mo + j));
            }
            float max = best.reduceLanes(VectorOperators.MAX);
            for (; j < n; j++) {
                max = Math.max(max, md[mo + j]);
            }
            int at = -1;
            if (!Float.isNaN(max)) {
                int q = 0;
                for (; q < bound; q += L) {
                    VectorMask<Float> eq = FloatVector.fromArray(S, md, mo + q).compare(VectorOperators.EQ, max);
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

    static float dot(Matrix a, Matrix b) {
        if (a.isContiguous() && b.isContiguous()) {
            return dotRun(a.array(), a.offset(), b.array(), b.offset(), a.size());
        }
        float s = 0f;
        for (int i = 0; i < a.rows(); i++) {
            s += dotRun(a.array(), a.offset() + i * a.stride(), b.array(), b.offset() + i * b.stride(), a.cols());
        }
        return s;
    }

    /**
     * Σ x[xo + j] y[yo + j] with four vector accumulators, added lane-wise and then summed lane by lane left to
     * right ({@link VectorMath#sumLanes(float[], int)}, a fixed order: the bits do not depend on the JIT state).
     */
    static float dotRun(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int j = 0;
        int bound4 = n - 4 * L;
        for (; j <= bound4; j += 4 * L) {
            s0 = FloatVector.fromArray(S, x, xo + j).fma(FloatVector.fromArray(S, y, yo + j), s0);
            s1 = FloatVector.fromArray(S, x, xo + j + L).fma(FloatVector.fromArray(S, y, yo + j + L), s1);
            s2 = FloatVector.fromArray(S, x, xo + j + 2 * L).fma(FloatVector.fromArray(S, y, yo + j + 2 * L), s2);
            s3 = FloatVector.fromArray(S, x, xo + j + 3 * L).fma(FloatVector.fromArray(S, y, yo + j + 3 * L), s3);
        }
        for (; j < n; j += L) {
            VectorMask<Float> m = S.indexInRange(j, n);
            s0 = FloatVector.fromArray(S, x, xo + j, m).fma(FloatVector.fromArray(S, y, yo + j, m), s0);
        }
        float[] lanes = VectorMath.scratch();
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        return VectorMath.sumLanes(lanes, 0);
    }

    static float squaredNorm(Matrix a) {
        return dot(a, a);
    }
}
