package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.fa4j.simd.internal.Tuning;

/**
 * The register-blocked micro-kernels of {@link VectorGemm}: {@code MR × NR} tiles (8 rows × 3 vectors, 24
 * accumulators updated with {@code fma}) over packed panels, and the narrower tiles of ragged edges. Every element is
 * one chain of fused multiply-adds in k order, whichever kernel computes it.
 */
final class MicroKernels {
    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int L = VectorGemm.L;
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;

    private MicroKernels() {
    }

    /**
     * The MR × NR micro-kernel over packed panels: 24 accumulators, one fma each per p, stored raw into the tile
     * buffer {@code t} (row r at {@code r·NR}) for {@link VectorGemm#update}; used for ragged tiles and for mode
     * BETA. The three kernels repeat their loop text rather than share one method with all three endings: such a
     * method grows past what C1's register allocator takes ("out of virtual registers"), which leaves it in tier 2
     * with every vector boxed.
     */
    static void kernel(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c50 = z, c51 = z, c52 = z, c60 = z, c61 = z, c62 = z, c70 = z, c71 = z, c72 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        // The accumulators are loop phis whose static type is the abstract FloatVector; calling intoArray on them is
        // a virtual call C2 may not inline, which boxes all 24 vectors. 1·c (exact) on an exact receiver avoids it.
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(c00).intoArray(t, 0 * NR);
        one.mul(c01).intoArray(t, 0 * NR + L);
        one.mul(c02).intoArray(t, 0 * NR + 2 * L);
        one.mul(c10).intoArray(t, 1 * NR);
        one.mul(c11).intoArray(t, 1 * NR + L);
        one.mul(c12).intoArray(t, 1 * NR + 2 * L);
        one.mul(c20).intoArray(t, 2 * NR);
        one.mul(c21).intoArray(t, 2 * NR + L);
        one.mul(c22).intoArray(t, 2 * NR + 2 * L);
        one.mul(c30).intoArray(t, 3 * NR);
        one.mul(c31).intoArray(t, 3 * NR + L);
        one.mul(c32).intoArray(t, 3 * NR + 2 * L);
        one.mul(c40).intoArray(t, 4 * NR);
        one.mul(c41).intoArray(t, 4 * NR + L);
        one.mul(c42).intoArray(t, 4 * NR + 2 * L);
        one.mul(c50).intoArray(t, 5 * NR);
        one.mul(c51).intoArray(t, 5 * NR + L);
        one.mul(c52).intoArray(t, 5 * NR + 2 * L);
        one.mul(c60).intoArray(t, 6 * NR);
        one.mul(c61).intoArray(t, 6 * NR + L);
        one.mul(c62).intoArray(t, 6 * NR + 2 * L);
        one.mul(c70).intoArray(t, 7 * NR);
        one.mul(c71).intoArray(t, 7 * NR + L);
        one.mul(c72).intoArray(t, 7 * NR + 2 * L);
    }

    /**
     * {@link #kernel} for a ragged column panel of at most one vector ({@code n = 1024}: 21 panels of 48 columns and
     * one of 16; {@code n = 784}: 16 and one of 16): 8 rows × 1 vector, the same chains, a third of the work.
     */
    static void kernelOne(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        for (int p = 0; p < kc; p++) {
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * NR);
            c0 = FloatVector.broadcast(S, ap[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, ap[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, ap[ai + 7]).fma(b0, c7);
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(c0).intoArray(t, 0);
        one.mul(c1).intoArray(t, NR);
        one.mul(c2).intoArray(t, 2 * NR);
        one.mul(c3).intoArray(t, 3 * NR);
        one.mul(c4).intoArray(t, 4 * NR);
        one.mul(c5).intoArray(t, 5 * NR);
        one.mul(c6).intoArray(t, 6 * NR);
        one.mul(c7).intoArray(t, 7 * NR);
    }

    /**
     * {@link #kernel} for a ragged column panel of one to two vectors ({@code n = 800}: 16 panels of 48 columns and one
     * of 32; also the last panel of a thread's columns when a split falls between panels): 8 rows × 2 vectors, the
     * same chains, two thirds of the work.
     */
    static void kernelTwo(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        FloatVector d0 = z, d1 = z, d2 = z, d3 = z, d4 = z, d5 = z, d6 = z, d7 = z;
        for (int p = 0; p < kc; p++) {
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + p * NR);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + p * NR + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[ai]);
            c0 = x.fma(b0, c0);
            d0 = x.fma(b1, d0);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c1 = x.fma(b0, c1);
            d1 = x.fma(b1, d1);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c2 = x.fma(b0, c2);
            d2 = x.fma(b1, d2);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c3 = x.fma(b0, c3);
            d3 = x.fma(b1, d3);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c4 = x.fma(b0, c4);
            d4 = x.fma(b1, d4);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c5 = x.fma(b0, c5);
            d5 = x.fma(b1, d5);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c6 = x.fma(b0, c6);
            d6 = x.fma(b1, d6);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c7 = x.fma(b0, c7);
            d7 = x.fma(b1, d7);
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(c0).intoArray(t, 0);
        one.mul(d0).intoArray(t, L);
        one.mul(c1).intoArray(t, NR);
        one.mul(d1).intoArray(t, NR + L);
        one.mul(c2).intoArray(t, 2 * NR);
        one.mul(d2).intoArray(t, 2 * NR + L);
        one.mul(c3).intoArray(t, 3 * NR);
        one.mul(d3).intoArray(t, 3 * NR + L);
        one.mul(c4).intoArray(t, 4 * NR);
        one.mul(d4).intoArray(t, 4 * NR + L);
        one.mul(c5).intoArray(t, 5 * NR);
        one.mul(d5).intoArray(t, 5 * NR + L);
        one.mul(c6).intoArray(t, 6 * NR);
        one.mul(d6).intoArray(t, 6 * NR + L);
        one.mul(c7).intoArray(t, 7 * NR);
        one.mul(d7).intoArray(t, 7 * NR + L);
    }

    /**
     * {@link #kernel} for a ragged row panel of at most {@code MR / 2} rows (a batch of 100: 12 panels of 8 rows and
     * one of 4): 4 rows × 3 vectors, the same chains, half the work. Its loop is {@link #kernel}'s first four rows,
     * written out for the reason given there.
     */
    static void kernelHalf(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(c00).intoArray(t, 0);
        one.mul(c01).intoArray(t, L);
        one.mul(c02).intoArray(t, 2 * L);
        one.mul(c10).intoArray(t, NR);
        one.mul(c11).intoArray(t, NR + L);
        one.mul(c12).intoArray(t, NR + 2 * L);
        one.mul(c20).intoArray(t, 2 * NR);
        one.mul(c21).intoArray(t, 2 * NR + L);
        one.mul(c22).intoArray(t, 2 * NR + 2 * L);
        one.mul(c30).intoArray(t, 3 * NR);
        one.mul(c31).intoArray(t, 3 * NR + L);
        one.mul(c32).intoArray(t, 3 * NR + 2 * L);
    }

    /**
     * The micro-kernel for a full tile in mode ADD: {@code C += alpha·acc}, written straight into C at {@code co}
     * with the operations of {@link VectorGemm#update}, so its elements round exactly as a ragged tile's. Saves
     * the round trip of the accumulators through the tile buffer.
     */
    static void kernelAdd(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc, float alpha) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c50 = z, c51 = z, c52 = z, c60 = z, c61 = z, c62 = z, c70 = z, c71 = z, c72 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        FloatVector.fromArray(S, c, co).add(av.mul(c00)).intoArray(c, co);
        FloatVector.fromArray(S, c, co + L).add(av.mul(c01)).intoArray(c, co + L);
        FloatVector.fromArray(S, c, co + 2 * L).add(av.mul(c02)).intoArray(c, co + 2 * L);
        FloatVector.fromArray(S, c, co + ldc).add(av.mul(c10)).intoArray(c, co + ldc);
        FloatVector.fromArray(S, c, co + ldc + L).add(av.mul(c11)).intoArray(c, co + ldc + L);
        FloatVector.fromArray(S, c, co + ldc + 2 * L).add(av.mul(c12)).intoArray(c, co + ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 2 * ldc).add(av.mul(c20)).intoArray(c, co + 2 * ldc);
        FloatVector.fromArray(S, c, co + 2 * ldc + L).add(av.mul(c21)).intoArray(c, co + 2 * ldc + L);
        FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L).add(av.mul(c22)).intoArray(c, co + 2 * ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 3 * ldc).add(av.mul(c30)).intoArray(c, co + 3 * ldc);
        FloatVector.fromArray(S, c, co + 3 * ldc + L).add(av.mul(c31)).intoArray(c, co + 3 * ldc + L);
        FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L).add(av.mul(c32)).intoArray(c, co + 3 * ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 4 * ldc).add(av.mul(c40)).intoArray(c, co + 4 * ldc);
        FloatVector.fromArray(S, c, co + 4 * ldc + L).add(av.mul(c41)).intoArray(c, co + 4 * ldc + L);
        FloatVector.fromArray(S, c, co + 4 * ldc + 2 * L).add(av.mul(c42)).intoArray(c, co + 4 * ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 5 * ldc).add(av.mul(c50)).intoArray(c, co + 5 * ldc);
        FloatVector.fromArray(S, c, co + 5 * ldc + L).add(av.mul(c51)).intoArray(c, co + 5 * ldc + L);
        FloatVector.fromArray(S, c, co + 5 * ldc + 2 * L).add(av.mul(c52)).intoArray(c, co + 5 * ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 6 * ldc).add(av.mul(c60)).intoArray(c, co + 6 * ldc);
        FloatVector.fromArray(S, c, co + 6 * ldc + L).add(av.mul(c61)).intoArray(c, co + 6 * ldc + L);
        FloatVector.fromArray(S, c, co + 6 * ldc + 2 * L).add(av.mul(c62)).intoArray(c, co + 6 * ldc + 2 * L);
        FloatVector.fromArray(S, c, co + 7 * ldc).add(av.mul(c70)).intoArray(c, co + 7 * ldc);
        FloatVector.fromArray(S, c, co + 7 * ldc + L).add(av.mul(c71)).intoArray(c, co + 7 * ldc + L);
        FloatVector.fromArray(S, c, co + 7 * ldc + 2 * L).add(av.mul(c72)).intoArray(c, co + 7 * ldc + 2 * L);
    }

    /** As {@link #kernelAdd} for mode SET: {@code C = alpha·acc}. */
    static void kernelSet(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc, float alpha) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c50 = z, c51 = z, c52 = z, c60 = z, c61 = z, c62 = z, c70 = z, c71 = z, c72 = z;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        av.mul(c00).intoArray(c, co);
        av.mul(c01).intoArray(c, co + L);
        av.mul(c02).intoArray(c, co + 2 * L);
        av.mul(c10).intoArray(c, co + ldc);
        av.mul(c11).intoArray(c, co + ldc + L);
        av.mul(c12).intoArray(c, co + ldc + 2 * L);
        av.mul(c20).intoArray(c, co + 2 * ldc);
        av.mul(c21).intoArray(c, co + 2 * ldc + L);
        av.mul(c22).intoArray(c, co + 2 * ldc + 2 * L);
        av.mul(c30).intoArray(c, co + 3 * ldc);
        av.mul(c31).intoArray(c, co + 3 * ldc + L);
        av.mul(c32).intoArray(c, co + 3 * ldc + 2 * L);
        av.mul(c40).intoArray(c, co + 4 * ldc);
        av.mul(c41).intoArray(c, co + 4 * ldc + L);
        av.mul(c42).intoArray(c, co + 4 * ldc + 2 * L);
        av.mul(c50).intoArray(c, co + 5 * ldc);
        av.mul(c51).intoArray(c, co + 5 * ldc + L);
        av.mul(c52).intoArray(c, co + 5 * ldc + 2 * L);
        av.mul(c60).intoArray(c, co + 6 * ldc);
        av.mul(c61).intoArray(c, co + 6 * ldc + L);
        av.mul(c62).intoArray(c, co + 6 * ldc + 2 * L);
        av.mul(c70).intoArray(c, co + 7 * ldc);
        av.mul(c71).intoArray(c, co + 7 * ldc + L);
        av.mul(c72).intoArray(c, co + 7 * ldc + 2 * L);
    }}
