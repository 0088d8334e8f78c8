package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes 16×16 blocks of floats in registers (four butterfly stages of two-input rearranges), for packing a
 * transposed operand. Only for 16-lane (512-bit) float species; {@link #AVAILABLE} says whether it applies here.
 */
final class Transpose16 {

    private static final VectorSpecies<Float> S = VectorGemm.S;

    /** True when the preferred species has 16 float lanes. */
    static final boolean AVAILABLE = S.length() == 16;

    // Stage with block b pairs rows i and i+b (bit b of i clear): lo = x[j] or y[j-b], hi = x[j+b] or y[j].
    private static final VectorShuffle<Float> L8 = shuffle(8, true);
    private static final VectorShuffle<Float> H8 = shuffle(8, false);
    private static final VectorShuffle<Float> L4 = shuffle(4, true);
    private static final VectorShuffle<Float> H4 = shuffle(4, false);
    private static final VectorShuffle<Float> L2 = shuffle(2, true);
    private static final VectorShuffle<Float> H2 = shuffle(2, false);
    private static final VectorShuffle<Float> L1 = shuffle(1, true);
    private static final VectorShuffle<Float> H1 = shuffle(1, false);

    private Transpose16() {
    }

    private static VectorShuffle<Float> shuffle(int b, boolean lo) {
        if (!AVAILABLE) {
            return null;
        }
        int[] ix = new int[16];
        for (int j = 0; j < 16; j++) {
            // Indexes below 0 (j - 16) pick lane j of the second vector.
            ix[j] = lo ? ((j & b) == 0 ? j : j - b - 16) : ((j & b) == 0 ? j + b : j - 16);
        }
        return VectorShuffle.fromArray(S, ix, 0);
    }

    /** {@code dst[d + p·ld + j] = src[s + j·ls + p]} for j, p in 0..15. */
    static void block(float[] src, int s, int ls, float[] dst, int d, int ld) {
        FloatVector r0 = FloatVector.fromArray(S, src, s + 0 * ls);
        FloatVector r1 = FloatVector.fromArray(S, src, s + 1 * ls);
        FloatVector r2 = FloatVector.fromArray(S, src, s + 2 * ls);
        FloatVector r3 = FloatVector.fromArray(S, src, s + 3 * ls);
        FloatVector r4 = FloatVector.fromArray(S, src, s + 4 * ls);
        FloatVector r5 = FloatVector.fromArray(S, src, s + 5 * ls);
        FloatVector r6 = FloatVector.fromArray(S, src, s + 6 * ls);
        FloatVector r7 = FloatVector.fromArray(S, src, s + 7 * ls);
        FloatVector r8 = FloatVector.fromArray(S, src, s + 8 * ls);
        FloatVector r9 = FloatVector.fromArray(S, src, s + 9 * ls);
        FloatVector r10 = FloatVector.fromArray(S, src, s + 10 * ls);
        FloatVector r11 = FloatVector.fromArray(S, src, s + 11 * ls);
        FloatVector r12 = FloatVector.fromArray(S, src, s + 12 * ls);
        FloatVector r13 = FloatVector.fromArray(S, src, s + 13 * ls);
        FloatVector r14 = FloatVector.fromArray(S, src, s + 14 * ls);
        FloatVector r15 = FloatVector.fromArray(S, src, s + 15 * ls);
        FloatVector x;
        x = r0;
        r0 = x.rearrange(L8, r8);
        r8 = x.rearrange(H8, r8);
        x = r1;
        r1 = x.rearrange(L8, r9);
        r9 = x.rearrange(H8, r9);
        x = r2;
        r2 = x.rearrange(L8, r10);
        r10 = x.rearrange(H8, r10);
        x = r3;
        r3 = x.rearrange(L8, r11);
        r11 = x.rearrange(H8, r11);
        x = r4;
        r4 = x.rearrange(L8, r12);
        r12 = x.rearrange(H8, r12);
        x = r5;
        r5 = x.rearrange(L8, r13);
        r13 = x.rearrange(H8, r13);
        x = r6;
        r6 = x.rearrange(L8, r14);
        r14 = x.rearrange(H8, r14);
        x = r7;
        r7 = x.rearrange(L8, r15);
        r15 = x.rearrange(H8, r15);
        x = r0;
        r0 = x.rearrange(L4, r4);
        r4 = x.rearrange(H4, r4);
        x = r1;
        r1 = x.rearrange(L4, r5);
        r5 = x.rearrange(H4, r5);
        x = r2;
        r2 = x.rearrange(L4, r6);
        r6 = x.rearrange(H4, r6);
        x = r3;
        r3 = x.rearrange(L4, r7);
        r7 = x.rearrange(H4, r7);
        x = r8;
        r8 = x.rearrange(L4, r12);
        r12 = x.rearrange(H4, r12);
        x = r9;
        r9 = x.rearrange(L4, r13);
        r13 = x.rearrange(H4, r13);
        x = r10;
        r10 = x.rearrange(L4, r14);
        r14 = x.rearrange(H4, r14);
        x = r11;
        r11 = x.rearrange(L4, r15);
        r15 = x.rearrange(H4, r15);
        x = r0;
        r0 = x.rearrange(L2, r2);
        r2 = x.rearrange(H2, r2);
        x = r1;
        r1 = x.rearrange(L2, r3);
        r3 = x.rearrange(H2, r3);
        x = r4;
        r4 = x.rearrange(L2, r6);
        r6 = x.rearrange(H2, r6);
        x = r5;
        r5 = x.rearrange(L2, r7);
        r7 = x.rearrange(H2, r7);
        x = r8;
        r8 = x.rearrange(L2, r10);
        r10 = x.rearrange(H2, r10);
        x = r9;
        r9 = x.rearrange(L2, r11);
        r11 = x.rearrange(H2, r11);
        x = r12;
        r12 = x.rearrange(L2, r14);
        r14 = x.rearrange(H2, r14);
        x = r13;
        r13 = x.rearrange(L2, r15);
        r15 = x.rearrange(H2, r15);
        x = r0;
        r0 = x.rearrange(L1, r1);
        r1 = x.rearrange(H1, r1);
        x = r2;
        r2 = x.rearrange(L1, r3);
        r3 = x.rearrange(H1, r3);
        x = r4;
        r4 = x.rearrange(L1, r5);
        r5 = x.rearrange(H1, r5);
        x = r6;
        r6 = x.rearrange(L1, r7);
        r7 = x.rearrange(H1, r7);
        x = r8;
        r8 = x.rearrange(L1, r9);
        r9 = x.rearrange(H1, r9);
        x = r10;
        r10 = x.rearrange(L1, r11);
        r11 = x.rearrange(H1, r11);
        x = r12;
        r12 = x.rearrange(L1, r13);
        r13 = x.rearrange(H1, r13);
        x = r14;
        r14 = x.rearrange(L1, r15);
        r15 = x.rearrange(H1, r15);
        r0.intoArray(dst, d + 0 * ld);
        r1.intoArray(dst, d + 1 * ld);
        r2.intoArray(dst, d + 2 * ld);
        r3.intoArray(dst, d + 3 * ld);
        r4.intoArray(dst, d + 4 * ld);
        r5.intoArray(dst, d + 5 * ld);
        r6.intoArray(dst, d + 6 * ld);
        r7.intoArray(dst, d + 7 * ld);
        r8.intoArray(dst, d + 8 * ld);
        r9.intoArray(dst, d + 9 * ld);
        r10.intoArray(dst, d + 10 * ld);
        r11.intoArray(dst, d + 11 * ld);
        r12.intoArray(dst, d + 12 * ld);
        r13.intoArray(dst, d + 13 * ld);
        r14.intoArray(dst, d + 14 * ld);
        r15.intoArray(dst, d + 15 * ld);
    }
}
