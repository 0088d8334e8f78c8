package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.fa4j.simd.internal.Tuning;

/**
 * The packing of {@link VectorGemm}: op(A) into panels of {@link VectorGemm#MR} rows and op(B) into panels of
 * {@link VectorGemm#NR} columns, k-major, zero-padded at ragged edges, so the micro-kernels see only full panels.
 * The transposed cases go through {@link Transpose16}'s register transposes where the vectors have 16 lanes.
 */
public final class Packing {
    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int L = VectorGemm.L;
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;

    private Packing() {
    }

    /**
     * Packs rows {@code ic..ic+mc} and k range {@code pc..pc+kc} of op(A) into panels of {@link #MR} rows from
     * {@code ap[apo]} on: panel q holds, for each p, the MR values {@code op(A)(ic + q·MR + r, pc + p)}, zero beyond
     * row mc.
     */
    public static void packA(Op opA, Matrix a, int ic, int mc, int pc, int kc, float[] ap, int apo) {
        float[] ad = a.array();
        int as = a.stride();
        int base = a.offset();
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = apo + ir * kc;
            if (opA == Op.N && Transpose16.AVAILABLE && mr == MR && kc >= 16) {
                // A full panel: 8×16 blocks transposed in registers, which take fewer selections than 16×16 blocks
                // stored in halves and no masked stores (see Transpose16.packPanel).
                Transpose16.packPanel(ad, base + (ic + ir) * as + pc, as, ap, dst, kc);
                continue;
            }
            if (opA == Op.N) {
                // op(A)(i, p) = A(i, p): row i is contiguous in p; write it with stride MR.
                for (int r = 0; r < mr; r++) {
                    int src = base + (ic + ir + r) * as + pc;
                    int d = dst + r;
                    for (int p = 0; p < kc; p++) {
                        ap[d + p * MR] = ad[src + p];
                    }
                }
            } else {
                // op(A)(i, p) = A(p, i): the MR values for one p are contiguous in row p of A.
                if (Transpose16.AVAILABLE && mc - ir >= 2 * MR) {
                    // Two full panels from one 16-float load per p instead of a copy of 8 floats per panel and p.
                    packPanelPairT(ad, base + pc * as + ic + ir, as, ap, dst, kc);
                    ir += MR;
                    continue;
                }
                if (mr == MR) {
                    // A plain copy, not a 256-bit FloatVector: C2 can leave that vector un-intrinsified (boxed on
                    // every call) once it has compiled packA under a mixed workload of transposes, as in
                    // JitDeterminismTest's GEMM cases.
                    for (int p = 0; p < kc; p++) {
                        System.arraycopy(ad, base + (pc + p) * as + ic + ir, ap, dst + p * MR, MR);
                    }
                    continue;
                }
                for (int p = 0; p < kc; p++) {
                    int src = base + (pc + p) * as + ic + ir;
                    int d = dst + p * MR;
                    for (int r = 0; r < mr; r++) {
                        ap[d + r] = ad[src + r];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    for (int r = mr; r < MR; r++) {
                        ap[dst + p * MR + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Two full panels of transposed A ({@code 2·MR} rows of op(A), columns of A from {@code src} on): for each p, one
     * load of 16 floats of row p of A, its low half stored into the first panel and its high half into the second.
     * Requires 16-lane vectors ({@link Transpose16#AVAILABLE}). The masks are made here: a mask passed in is boxed
     * whenever the call is not inlined.
     */
    private static void packPanelPairT(float[] ad, int src, int as, float[] ap, int dst, int kc) {
        VectorMask<Float> low = S.indexInRange(0, MR);
        VectorMask<Float> high = low.not();
        // Lane MR + r of the load goes to row r of the second panel, MR·kc floats after the first.
        int second = dst + MR * kc - MR;
        for (int p = 0; p < kc; p++) {
            FloatVector v = FloatVector.fromArray(S, ad, src + p * as);
            v.intoArray(ap, dst + p * MR, low);
            v.intoArray(ap, second + p * MR, high);
        }
    }

    /**
     * Packs k range {@code pc..pc+kc} and columns {@code jc..jc+nc} of op(B) into panels of {@link #NR} columns:
     * panel q holds, for each p, the NR values {@code op(B)(pc + p, jc + q·NR + j)}, zero beyond column nc.
     */
    public static void packB(Op opB, Matrix b, int pc, int kc, int jc, int nc, float[] bp) {
        float[] bd = b.array();
        int bs = b.stride();
        int base = b.offset();
        int jr0 = 0;
        if (opB == Op.N && nc > NR) {
            // Several panels (B's whole block): row p of B goes into every full panel before row p + 1 is read, so B
            // is read in memory order; panel by panel, each row gives 192 bytes at a stride of B's row, which the
            // prefetcher does not follow.
            jr0 = nc / NR * NR;
            for (int p = 0; p < kc; p++) {
                int src = base + (pc + p) * bs + jc;
                for (int jr = 0; jr < jr0; jr += NR) {
                    int d = jr * kc + p * NR;
                    FloatVector.fromArray(S, bd, src + jr).intoArray(bp, d);
                    FloatVector.fromArray(S, bd, src + jr + L).intoArray(bp, d + L);
                    FloatVector.fromArray(S, bd, src + jr + 2 * L).intoArray(bp, d + 2 * L);
                }
            }
        }
        for (int jr = jr0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = jr * kc;
            if (opB == Op.N) {
                // op(B)(p, j) = B(p, j): NR contiguous values per p.
                int src = base + pc * bs + jc + jr;
                if (nr == NR) {
                    for (int p = 0; p < kc; p++) {
                        int s = src + p * bs;
                        int d = dst + p * NR;
                        FloatVector.fromArray(S, bd, s).intoArray(bp, d);
                        FloatVector.fromArray(S, bd, s + L).intoArray(bp, d + L);
                        FloatVector.fromArray(S, bd, s + 2 * L).intoArray(bp, d + 2 * L);
                    }
                } else {
                    VectorMask<Float> m0 = S.indexInRange(0, nr);
                    VectorMask<Float> m1 = S.indexInRange(L, nr);
                    VectorMask<Float> m2 = S.indexInRange(2 * L, nr);
                    for (int p = 0; p < kc; p++) {
                        int s = src + p * bs;
                        int d = dst + p * NR;
                        FloatVector.fromArray(S, bd, s, m0).intoArray(bp, d);
                        FloatVector.fromArray(S, bd, s + L, m1).intoArray(bp, d + L);
                        FloatVector.fromArray(S, bd, s + 2 * L, m2).intoArray(bp, d + 2 * L);
                    }
                }
            } else {
                // op(B)(p, j) = B(j, p): column j of op(B) is row j of B, contiguous in p. 16×16 blocks are
                // transposed in registers, 16 rows of B at a time along p (so each row is read in order, not all of
                // the panel's rows at each p); a ragged end in p or j is covered by one more block that overlaps the
                // previous one (it rewrites some values with the same values). Narrow panels or short k blocks go
                // four rows at a time, so each p writes four adjacent floats.
                int p16 = 0;
                if (Transpose16.AVAILABLE && nr >= 16 && kc >= 16) {
                    int src = base + (jc + jr) * bs + pc;
                    for (int v = 0; v < nr; v += 16) {
                        int vv = Math.min(v, nr - 16);
                        for (int p = 0; p < kc; p += 16) {
                            int pp = Math.min(p, kc - 16);
                            Transpose16.block(bd, src + vv * bs + pp, bs, bp, dst + pp * NR + vv, NR);
                        }
                    }
                    p16 = kc;
                }
                int j = 0;
                for (; j + 4 <= nr; j += 4) {
                    int s0 = base + (jc + jr + j) * bs + pc;
                    int s1 = s0 + bs;
                    int s2 = s1 + bs;
                    int s3 = s2 + bs;
                    int d = dst + j;
                    for (int p = p16; p < kc; p++) {
                        int q = d + p * NR;
                        bp[q] = bd[s0 + p];
                        bp[q + 1] = bd[s1 + p];
                        bp[q + 2] = bd[s2 + p];
                        bp[q + 3] = bd[s3 + p];
                    }
                }
                for (; j < nr; j++) {
                    int src = base + (jc + jr + j) * bs + pc;
                    int d = dst + j;
                    for (int p = p16; p < kc; p++) {
                        bp[d + p * NR] = bd[src + p];
                    }
                }
                if (nr < NR) {
                    for (int p = 0; p < kc; p++) {
                        for (int z = nr; z < NR; z++) {
                            bp[dst + p * NR + z] = 0f;
                        }
                    }
                }
            }
        }
    }
}
