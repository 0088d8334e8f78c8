package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes 16×16 blocks of floats in registers (four butterfly stages of two-input lane selections ({@code selectFrom(v1, v2)}, one permute instruction each)), for packing a
 * transposed operand. Only for 16-lane (512-bit) float species; {@link #AVAILABLE} says whether it applies here.
 */
final class Transpose16 {

    private static final VectorSpecies<Float> S = VectorGemm.S;

    /** True when the preferred species has 16 float lanes. */
    static final boolean AVAILABLE = S.length() == 16;

    // Stage with block b pairs rows i and i+b (bit b of i clear): lo = x[j] or y[j-b], hi = x[j+b] or y[j].
    private static final FloatVector L8 = index(8, true);
    private static final FloatVector H8 = index(8, false);
    private static final FloatVector L4 = index(4, true);
    private static final FloatVector H4 = index(4, false);
    private static final FloatVector L2 = index(2, true);
    private static final FloatVector H2 = index(2, false);
    private static final FloatVector L1 = index(1, true);
    private static final FloatVector H1 = index(1, false);

    private Transpose16() {
    }

    /** Lane indexes for {@code selectFrom(x, y)}: 0..15 pick lanes of x, 16..31 lanes of y. */
    private static FloatVector index(int b, boolean lo) {
        if (!AVAILABLE) {
            return null;
        }
        float[] ix = new float[16];
        for (int j = 0; j < 16; j++) {
            ix[j] = lo ? ((j & b) == 0 ? j : j - b + 16) : ((j & b) == 0 ? j + b : j + 16);
        }
        return FloatVector.fromArray(S, ix, 0);
    }

    /** Lanes 0..7, and lanes 8..15 of a 16-lane vector. */
    private static final VectorMask<Float> LOW = AVAILABLE ? S.indexInRange(0, 8) : null;
    private static final VectorMask<Float> HIGH = AVAILABLE ? LOW.not() : null;

    /** {@code dst[d + p·ld + j] = src[s + j·ls + p]} for j, p in 0..15. */
    static void block(float[] src, int s, int ls, float[] dst, int d, int ld) {
        transpose(src, s, ls, dst, d, ld, -1);
    }

    /**
     * The same transpose, with each output row split into two 8-float halves: {@code dst[d0 + p·8 + j] =
     * src[s + j·ls + p]} and {@code dst[d1 + p·8 + j] = src[s + (8 + j)·ls + p]} for p in 0..15, j in 0..7 — two
     * 8-row packed A panels at once. Needs {@code d1 >= 8}.
     */
    static void blockHalves(float[] src, int s, int ls, float[] dst, int d0, int d1) {
        transpose(src, s, ls, dst, d0, d1, d1);
    }

    private static void transpose(float[] src, int s, int ls, float[] dst, int d, int ld, int d1) {
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
        r0 = L8.selectFrom(x, r8);
        r8 = H8.selectFrom(x, r8);
        x = r1;
        r1 = L8.selectFrom(x, r9);
        r9 = H8.selectFrom(x, r9);
        x = r2;
        r2 = L8.selectFrom(x, r10);
        r10 = H8.selectFrom(x, r10);
        x = r3;
        r3 = L8.selectFrom(x, r11);
        r11 = H8.selectFrom(x, r11);
        x = r4;
        r4 = L8.selectFrom(x, r12);
        r12 = H8.selectFrom(x, r12);
        x = r5;
        r5 = L8.selectFrom(x, r13);
        r13 = H8.selectFrom(x, r13);
        x = r6;
        r6 = L8.selectFrom(x, r14);
        r14 = H8.selectFrom(x, r14);
        x = r7;
        r7 = L8.selectFrom(x, r15);
        r15 = H8.selectFrom(x, r15);
        x = r0;
        r0 = L4.selectFrom(x, r4);
        r4 = H4.selectFrom(x, r4);
        x = r1;
        r1 = L4.selectFrom(x, r5);
        r5 = H4.selectFrom(x, r5);
        x = r2;
        r2 = L4.selectFrom(x, r6);
        r6 = H4.selectFrom(x, r6);
        x = r3;
        r3 = L4.selectFrom(x, r7);
        r7 = H4.selectFrom(x, r7);
        x = r8;
        r8 = L4.selectFrom(x, r12);
        r12 = H4.selectFrom(x, r12);
        x = r9;
        r9 = L4.selectFrom(x, r13);
        r13 = H4.selectFrom(x, r13);
        x = r10;
        r10 = L4.selectFrom(x, r14);
        r14 = H4.selectFrom(x, r14);
        x = r11;
        r11 = L4.selectFrom(x, r15);
        r15 = H4.selectFrom(x, r15);
        x = r0;
        r0 = L2.selectFrom(x, r2);
        r2 = H2.selectFrom(x, r2);
        x = r1;
        r1 = L2.selectFrom(x, r3);
        r3 = H2.selectFrom(x, r3);
        x = r4;
        r4 = L2.selectFrom(x, r6);
        r6 = H2.selectFrom(x, r6);
        x = r5;
        r5 = L2.selectFrom(x, r7);
        r7 = H2.selectFrom(x, r7);
        x = r8;
        r8 = L2.selectFrom(x, r10);
        r10 = H2.selectFrom(x, r10);
        x = r9;
        r9 = L2.selectFrom(x, r11);
        r11 = H2.selectFrom(x, r11);
        x = r12;
        r12 = L2.selectFrom(x, r14);
        r14 = H2.selectFrom(x, r14);
        x = r13;
        r13 = L2.selectFrom(x, r15);
        r15 = H2.selectFrom(x, r15);
        x = r0;
        r0 = L1.selectFrom(x, r1);
        r1 = H1.selectFrom(x, r1);
        x = r2;
        r2 = L1.selectFrom(x, r3);
        r3 = H1.selectFrom(x, r3);
        x = r4;
        r4 = L1.selectFrom(x, r5);
        r5 = H1.selectFrom(x, r5);
        x = r6;
        r6 = L1.selectFrom(x, r7);
        r7 = H1.selectFrom(x, r7);
        x = r8;
        r8 = L1.selectFrom(x, r9);
        r9 = H1.selectFrom(x, r9);
        x = r10;
        r10 = L1.selectFrom(x, r11);
        r11 = H1.selectFrom(x, r11);
        x = r12;
        r12 = L1.selectFrom(x, r13);
        r13 = H1.selectFrom(x, r13);
        x = r14;
        r14 = L1.selectFrom(x, r15);
        r15 = H1.selectFrom(x, r15);
        if (d1 >= 0) {
            r0.intoArray(dst, d + 0 * 8, LOW);
            r0.intoArray(dst, d1 + 0 * 8 - 8, HIGH);
            r1.intoArray(dst, d + 1 * 8, LOW);
            r1.intoArray(dst, d1 + 1 * 8 - 8, HIGH);
            r2.intoArray(dst, d + 2 * 8, LOW);
            r2.intoArray(dst, d1 + 2 * 8 - 8, HIGH);
            r3.intoArray(dst, d + 3 * 8, LOW);
            r3.intoArray(dst, d1 + 3 * 8 - 8, HIGH);
            r4.intoArray(dst, d + 4 * 8, LOW);
            r4.intoArray(dst, d1 + 4 * 8 - 8, HIGH);
            r5.intoArray(dst, d + 5 * 8, LOW);
            r5.intoArray(dst, d1 + 5 * 8 - 8, HIGH);
            r6.intoArray(dst, d + 6 * 8, LOW);
            r6.intoArray(dst, d1 + 6 * 8 - 8, HIGH);
            r7.intoArray(dst, d + 7 * 8, LOW);
            r7.intoArray(dst, d1 + 7 * 8 - 8, HIGH);
            r8.intoArray(dst, d + 8 * 8, LOW);
            r8.intoArray(dst, d1 + 8 * 8 - 8, HIGH);
            r9.intoArray(dst, d + 9 * 8, LOW);
            r9.intoArray(dst, d1 + 9 * 8 - 8, HIGH);
            r10.intoArray(dst, d + 10 * 8, LOW);
            r10.intoArray(dst, d1 + 10 * 8 - 8, HIGH);
            r11.intoArray(dst, d + 11 * 8, LOW);
            r11.intoArray(dst, d1 + 11 * 8 - 8, HIGH);
            r12.intoArray(dst, d + 12 * 8, LOW);
            r12.intoArray(dst, d1 + 12 * 8 - 8, HIGH);
            r13.intoArray(dst, d + 13 * 8, LOW);
            r13.intoArray(dst, d1 + 13 * 8 - 8, HIGH);
            r14.intoArray(dst, d + 14 * 8, LOW);
            r14.intoArray(dst, d1 + 14 * 8 - 8, HIGH);
            r15.intoArray(dst, d + 15 * 8, LOW);
            r15.intoArray(dst, d1 + 15 * 8 - 8, HIGH);
            return;
        }
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
