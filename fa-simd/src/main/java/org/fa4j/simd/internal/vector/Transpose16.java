package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes blocks of floats in registers for packing: 16×16 blocks for a transposed B ({@link #block}, four
 * butterfly stages), 8×16 blocks for a panel of A ({@link #packPanel}, three stages). Each stage is two-input lane
 * selections ({@code selectFrom(v1, v2)}, one permute instruction each). Only for 16-lane (512-bit) float species;
 * {@link #AVAILABLE} says whether it applies here.
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

    // packPanel's stages 2 and 3 (its stage 1 is L8/H8): see index2, index3.
    private static final FloatVector P2L = index2(false);
    private static final FloatVector P2H = index2(true);
    private static final FloatVector P3L = index3(false);
    private static final FloatVector P3H = index3(true);

    /**
     * Stage 2 of {@link #packPanel}: from lanes {@code (r2, c2, c1, c0)} of two vectors that differ in r1 to lanes
     * {@code (r2, r1, c1, c0)} of two that differ in c2 ({@code high}: c2 = 1). Lane bits are listed high to low.
     */
    private static FloatVector index2(boolean high) {
        if (!AVAILABLE) {
            return null;
        }
        float[] ix = new float[16];
        for (int l = 0; l < 16; l++) {
            int r2 = l >> 3 & 1;
            int r1 = l >> 2 & 1;
            int c1 = l >> 1 & 1;
            int c0 = l & 1;
            ix[l] = (r1 == 1 ? 16 : 0) + r2 * 8 + (high ? 4 : 0) + c1 * 2 + c0;
        }
        return FloatVector.fromArray(S, ix, 0);
    }

    /**
     * Stage 3 of {@link #packPanel}: from lanes {@code (r2, r1, c1, c0)} of two vectors that differ in r0 to lanes
     * {@code (c0, r2, r1, r0)} of two that differ in c1 ({@code high}: c1 = 1).
     */
    private static FloatVector index3(boolean high) {
        if (!AVAILABLE) {
            return null;
        }
        float[] ix = new float[16];
        for (int l = 0; l < 16; l++) {
            int c0 = l >> 3 & 1;
            int r2 = l >> 2 & 1;
            int r1 = l >> 1 & 1;
            int r0 = l & 1;
            ix[l] = (r0 == 1 ? 16 : 0) + r2 * 8 + r1 * 4 + (high ? 2 : 0) + c0;
        }
        return FloatVector.fromArray(S, ix, 0);
    }

    /**
     * Packs one panel of 8 rows of a row-major matrix ({@code src[s + r·ls + p]}, r in 0..7, p in 0..kc-1, kc ≥ 16)
     * into {@code dst[d + p·8 + r]}: {@link Packing#packA}'s layout of a full panel. 8×16 blocks in registers:
     * three stages of two-input selections swap the row bits with the top column bits, so each of the 8 output
     * vectors holds two consecutive p of all 8 rows and is stored whole (24 selections and 8 stores per 128 floats,
     * where 16×16 blocks split between two panels take 32 and 16 masked stores). A ragged end in p is covered by
     * one more block that overlaps the previous one.
     */
    static void packPanel(float[] src, int s, int ls, float[] dst, int d, int kc) {
        for (int p = 0; p < kc; p += 16) {
            int pp = Math.min(p, kc - 16);
            int x = s + pp;
            // Vector r holds row r: element (r, c) at lane c. Bits: vector (r2 r1 r0), lane (c3 c2 c1 c0).
            FloatVector v0 = FloatVector.fromArray(S, src, x);
            FloatVector v1 = FloatVector.fromArray(S, src, x + ls);
            FloatVector v2 = FloatVector.fromArray(S, src, x + 2 * ls);
            FloatVector v3 = FloatVector.fromArray(S, src, x + 3 * ls);
            FloatVector v4 = FloatVector.fromArray(S, src, x + 4 * ls);
            FloatVector v5 = FloatVector.fromArray(S, src, x + 5 * ls);
            FloatVector v6 = FloatVector.fromArray(S, src, x + 6 * ls);
            FloatVector v7 = FloatVector.fromArray(S, src, x + 7 * ls);
            FloatVector t;
            // Stage 1, pairs differing in r2: vector (c3 r1 r0), lane (r2 c2 c1 c0).
            t = v0;
            v0 = L8.selectFrom(t, v4);
            v4 = H8.selectFrom(t, v4);
            t = v1;
            v1 = L8.selectFrom(t, v5);
            v5 = H8.selectFrom(t, v5);
            t = v2;
            v2 = L8.selectFrom(t, v6);
            v6 = H8.selectFrom(t, v6);
            t = v3;
            v3 = L8.selectFrom(t, v7);
            v7 = H8.selectFrom(t, v7);
            // Stage 2, pairs differing in r1: vector (c3 c2 r0), lane (r2 r1 c1 c0).
            t = v0;
            v0 = P2L.selectFrom(t, v2);
            v2 = P2H.selectFrom(t, v2);
            t = v1;
            v1 = P2L.selectFrom(t, v3);
            v3 = P2H.selectFrom(t, v3);
            t = v4;
            v4 = P2L.selectFrom(t, v6);
            v6 = P2H.selectFrom(t, v6);
            t = v5;
            v5 = P2L.selectFrom(t, v7);
            v7 = P2H.selectFrom(t, v7);
            // Stage 3, pairs differing in r0: vector (c3 c2 c1) = p / 2, lane (c0 r2 r1 r0) = (p % 2)·8 + r.
            t = v0;
            v0 = P3L.selectFrom(t, v1);
            v1 = P3H.selectFrom(t, v1);
            t = v2;
            v2 = P3L.selectFrom(t, v3);
            v3 = P3H.selectFrom(t, v3);
            t = v4;
            v4 = P3L.selectFrom(t, v5);
            v5 = P3H.selectFrom(t, v5);
            t = v6;
            v6 = P3L.selectFrom(t, v7);
            v7 = P3H.selectFrom(t, v7);
            int o = d + pp * 8;
            v0.intoArray(dst, o);
            v1.intoArray(dst, o + 16);
            v2.intoArray(dst, o + 32);
            v3.intoArray(dst, o + 48);
            v4.intoArray(dst, o + 64);
            v5.intoArray(dst, o + 80);
            v6.intoArray(dst, o + 96);
            v7.intoArray(dst, o + 112);
        }
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
