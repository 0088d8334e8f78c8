package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, logistic and tanh on float vectors, and a fixed-order sum of the lanes, built only from lane operations
 * that IEEE 754 rounds exactly (add, sub, mul, fma, div, min/max, abs/neg, compare/blend, integer add/shift and
 * reinterpretation between int and float lanes). Each of these gives the same bits in the Java fallback the
 * interpreter runs and in the C2 intrinsic, so the results do not depend on the JIT state. (The API's
 * {@code lanewise(EXP)}/{@code lanewise(TANH)} and {@code reduceLanes(ADD)} do: the first two round differently in
 * the fallback and in the SVML-like stubs, the last may add in any order.)
 *
 * <p>exp: Cody–Waite reduction {@code x = k ln2 + r}, |r| ≤ ln2/2, with k = round(x log2 e) by the 1.5·2^23 trick
 * (so no float-to-int conversion, which treats NaN differently per platform), a split ln2 (the high part has 16
 * significant bits, so {@code k·ln2hi} is exact), Cephes' degree-7 minimax polynomial for e^r by fma Horner, and
 * 2^k as two powers of two built in the exponent bits (2^(k>>1)·2^(k−(k>>1)), so results down to the subnormals
 * are rounded once). Input clamped to [−104, 88.7]: below −104 the result rounds to 0 anyway.
 *
 * <p>logistic: e = exp(−|x|), then 1/(1+e) for x ≥ 0 and e/(1+e) for x &lt; 0 (no overflow, no cancellation;
 * saturates to exactly 0 and 1). tanh: x + x³P(x²) (Cephes' minimax) for |x| &lt; 0.625, else
 * sign(x)·(1−e)/(1+e) with e = exp(−2|x|) (saturates to ±1 exactly for large |x|; keeps the sign of −0).
 *
 * <p>Accuracy, measured by {@code VectorKernelsAccuracyTest} against {@code Math.exp}/{@code Math.tanh} in double
 * on 2^20 points of [−30, 30] plus special values (max error in float ulps of the exact result): exp 0.956 ulp
 * (on [−87, 0], where it is used: logistic and tanh only take exp of −|x|), logistic 2.283 ulp (the worst case is
 * x &lt; 0, where the rounding of e, 1+e and the division add up), tanh 1.495 ulp. The test asserts 2, 4 and 4 ulp.
 */
public final class VectorMath {

    private static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    private static final int L = S.length();

    private static final float EXP_LO = -104f;
    private static final float EXP_HI = 88.7f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float MAGIC = 12582912f; // 1.5·2^23: adding it rounds to an integer in the low bits
    private static final int MAGIC_BITS = 0x4B400000;
    private static final float LN2_HI = 0.693145751953125f; // 16 significant bits
    private static final float LN2_LO = 1.428606765330187045e-6f;
    // Cephes expf: e^r ≈ 1 + r + r²(P0 r^5 + ... + P5)
    private static final float E0 = 1.9875691500e-4f;
    private static final float E1 = 1.3981999507e-3f;
    private static final float E2 = 8.3334519073e-3f;
    private static final float E3 = 4.1665795894e-2f;
    private static final float E4 = 1.6666665459e-1f;
    private static final float E5 = 5.0000001201e-1f;
    // Cephes tanhf, |x| < 0.625: tanh x ≈ x + x³ Q(x²)
    private static final float T0 = -5.70498872745e-3f;
    private static final float T1 = 2.06390887954e-2f;
    private static final float T2 = -5.37397155531e-2f;
    private static final float T3 = 1.33314422036e-1f;
    private static final float T4 = -3.33332819422e-1f;
    private static final float TANH_SMALL = 0.625f;

    private VectorMath() {
    }

    /** e^x per lane (NaN stays NaN, −∞ gives 0). */
    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_LO).min(EXP_HI);
        FloatVector t = x.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, MAGIC));
        FloatVector kf = t.sub(MAGIC);
        FloatVector r = kf.fma(FloatVector.broadcast(S, -LN2_HI), x);
        r = kf.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, E0);
        p = p.fma(r, FloatVector.broadcast(S, E1));
        p = p.fma(r, FloatVector.broadcast(S, E2));
        p = p.fma(r, FloatVector.broadcast(S, E3));
        p = p.fma(r, FloatVector.broadcast(S, E4));
        p = p.fma(r, FloatVector.broadcast(S, E5));
        p = p.mul(r.mul(r)).add(r).add(1f);
        IntVector k = t.reinterpretAsInts().sub(MAGIC_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    /** 1/(1+e^−x) per lane. */
    public static FloatVector logistic(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector e = exp(x.abs().neg());
        FloatVector num = e.blend(one, x.compare(VectorOperators.GE, 0f));
        return num.div(one.add(e));
    }

    /** tanh x per lane. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector a = x.abs();
        FloatVector e = exp(a.mul(-2f));
        FloatVector big = one.sub(e).div(one.add(e));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        FloatVector z = x.mul(x);
        FloatVector q = FloatVector.broadcast(S, T0);
        q = q.fma(z, FloatVector.broadcast(S, T1));
        q = q.fma(z, FloatVector.broadcast(S, T2));
        q = q.fma(z, FloatVector.broadcast(S, T3));
        q = q.fma(z, FloatVector.broadcast(S, T4));
        FloatVector small = q.mul(z).fma(x, x);
        // ±0 and the subnormals: return x itself (the fma above turns −0 into +0).
        small = small.blend(x, a.compare(VectorOperators.LT, Float.MIN_NORMAL));
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, TANH_SMALL);
        return big.blend(small, isSmall);
    }

    /** Per-thread scratch for lane sums: created once per thread, then reused. */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[4 * L]);

    /** A per-thread array of 4 × the lane count, for {@link #sumLanes}. */
    static float[] scratch() {
        return LANES.get();
    }

    /**
     * The sum of the L floats {@code buf[off..off+L)}, a vector's lanes stored there, left to right
     * (((v0 + v1) + v2) + ...): a fixed order, unlike {@code reduceLanes(ADD)}.
     */
    static float sumLanes(float[] buf, int off) {
        float s = buf[off];
        for (int i = 1; i < L; i++) {
            s += buf[off + i];
        }
        return s;
    }
}
