package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;

/**
 * Matrix–vector kernels on the Vector API. They are memory-bound, so each reads A exactly once, row after row, in
 * order (a single sequential stream the hardware prefetcher follows); the vectors x and y stay in L1.
 * Strided vectors (a column of a matrix) are first copied to a per-thread scratch array.
 */
final class VectorBlas2 {

    private static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    private static final int L = S.length();

    private VectorBlas2() {
    }

    /** Per-thread scratch: grown once, then reused. */
    private static final class Scratch {
        float[] x = new float[0];
        float[] t = new float[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * {@code y_i = alpha Σ_p A(i, p) x_p + beta y_i} for the rows i of A; x has A.cols() elements at
     * {@code xd[xo + p·xInc]}, y has A.rows() elements at {@code yd[yo + i·yInc]}.
     */
    static void gemvN(float alpha, Matrix a, float[] xd, int xo, int xInc, float beta, float[] yd, int yo, int yInc) {
        int m = a.rows();
        int k = a.cols();
        if (xInc != 1) {
            Scratch s = SCRATCH.get();
            if (s.x.length < k) {
                s.x = new float[k];
            }
            for (int p = 0; p < k; p++) {
                s.x[p] = xd[xo + p * xInc];
            }
            xd = s.x;
            xo = 0;
        }
        float[] ad = a.array();
        int as = a.stride();
        float[] lanes = VectorMath.scratch();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r = a.offset() + i * as;
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            int p = 0;
            int bound = S.loopBound(k);
            for (; p < bound; p += L) {
                FloatVector x = FloatVector.fromArray(S, xd, xo + p);
                s0 = FloatVector.fromArray(S, ad, r + p).fma(x, s0);
                s1 = FloatVector.fromArray(S, ad, r + as + p).fma(x, s1);
                s2 = FloatVector.fromArray(S, ad, r + 2 * as + p).fma(x, s2);
                s3 = FloatVector.fromArray(S, ad, r + 3 * as + p).fma(x, s3);
            }
            if (p < k) {
                VectorMask<Float> mk = S.indexInRange(p, k);
                FloatVector x = FloatVector.fromArray(S, xd, xo + p, mk);
                s0 = FloatVector.fromArray(S, ad, r + p, mk).fma(x, s0);
                s1 = FloatVector.fromArray(S, ad, r + as + p, mk).fma(x, s1);
                s2 = FloatVector.fromArray(S, ad, r + 2 * as + p, mk).fma(x, s2);
                s3 = FloatVector.fromArray(S, ad, r + 3 * as + p, mk).fma(x, s3);
            }
            // Fixed-order lane sums (not reduceLanes(ADD), whose order differs between fallback and intrinsic).
            // (Stored here, summed from the array: no vector crosses a call that C2 might leave out of line.)
            s0.intoArray(lanes, 0);
            s1.intoArray(lanes, L);
            s2.intoArray(lanes, 2 * L);
            s3.intoArray(lanes, 3 * L);
            put(yd, yo + i * yInc, VectorMath.sumLanes(lanes, 0), alpha, beta);
            put(yd, yo + (i + 1) * yInc, VectorMath.sumLanes(lanes, L), alpha, beta);
            put(yd, yo + (i + 2) * yInc, VectorMath.sumLanes(lanes, 2 * L), alpha, beta);
            put(yd, yo + (i + 3) * yInc, VectorMath.sumLanes(lanes, 3 * L), alpha, beta);
        }
        for (; i < m; i++) {
            put(yd, yo + i * yInc, VectorElementwise.dotRun(ad, a.offset() + i * as, xd, xo, k), alpha, beta);
        }
    }

    private static void put(float[] y, int at, float sum, float alpha, float beta) {
        y[at] = beta == 0f ? alpha * sum : alpha * sum + beta * y[at];
    }

    /**
     * {@code y_j = alpha Σ_p A(p, j) x_p + beta y_j} for the columns j of A; x has A.rows() elements at
     * {@code xd[xo + p·xInc]}, y has A.cols() elements at {@code yd[yo + j·yInc]}. Accumulates
     * {@code t += x_p · A(p, :)} over the rows of A in order, four rows per pass over t.
     */
    static void gemvT(float alpha, Matrix a, float[] xd, int xo, int xInc, float beta, float[] yd, int yo, int yInc) {
        int k = a.rows();
        int n = a.cols();
        Scratch s = SCRATCH.get();
        if (s.t.length < n) {
            s.t = new float[n];
        }
        float[] t = s.t;
        java.util.Arrays.fill(t, 0, n, 0f);
        float[] ad = a.array();
        int as = a.stride();
        int bound = S.loopBound(n);
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            int r = a.offset() + p * as;
            FloatVector x0 = FloatVector.broadcast(S, xd[xo + p * xInc]);
            FloatVector x1 = FloatVector.broadcast(S, xd[xo + (p + 1) * xInc]);
            FloatVector x2 = FloatVector.broadcast(S, xd[xo + (p + 2) * xInc]);
            FloatVector x3 = FloatVector.broadcast(S, xd[xo + (p + 3) * xInc]);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector acc = FloatVector.fromArray(S, t, j);
                acc = x0.fma(FloatVector.fromArray(S, ad, r + j), acc);
                acc = x1.fma(FloatVector.fromArray(S, ad, r + as + j), acc);
                acc = x2.fma(FloatVector.fromArray(S, ad, r + 2 * as + j), acc);
                acc = x3.fma(FloatVector.fromArray(S, ad, r + 3 * as + j), acc);
                acc.intoArray(t, j);
            }
            if (j < n) {
                VectorMask<Float> mk = S.indexInRange(j, n);
                FloatVector acc = FloatVector.fromArray(S, t, j, mk);
                acc = x0.fma(FloatVector.fromArray(S, ad, r + j, mk), acc);
                acc = x1.fma(FloatVector.fromArray(S, ad, r + as + j, mk), acc);
                acc = x2.fma(FloatVector.fromArray(S, ad, r + 2 * as + j, mk), acc);
                acc = x3.fma(FloatVector.fromArray(S, ad, r + 3 * as + j, mk), acc);
                acc.intoArray(t, j, mk);
            }
        }
        for (; p < k; p++) {
            VectorElementwise.axpyRun(xd[xo + p * xInc], ad, a.offset() + p * as, t, 0, n);
        }
        for (int j = 0; j < n; j++) {
            put(yd, yo + j * yInc, t[j], alpha, beta);
        }
    }

    /** {@code A(i, :) += (alpha x_i) · y}, row by row. */
    static void ger(float alpha, Matrix x, Matrix y, Matrix a) {
        float[] ad = a.array();
        float[] xd = x.array();
        float[] yd = y.array();
        int yo = y.offset();
        int n = a.cols();
        for (int i = 0; i < a.rows(); i++) {
            float s = alpha * xd[x.offset() + i];
            VectorElementwise.axpyRun(s, yd, yo, ad, a.offset() + i * a.stride(), n);
        }
    }
}
