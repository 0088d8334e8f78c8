package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.fa4j.simd.internal.Tuning;

/**
 * Packed, cache-tiled GEMM on the Vector API (Goto/BLIS structure): {@code C[i0:i1, j0:j1] = alpha·op(A)·op(B) + beta·C}.
 *
 * <p>Loops, outermost first: column blocks of {@link #NC}, k blocks of {@link #kBlock(int)} (B's block packed into
 * panels of {@link #NR} columns, kept in L2; with a single row block, each panel is packed just before it is used),
 * row blocks of {@link #MC} (A's block packed into panels of {@link #MR} rows), column panels (one B panel stays in
 * L1) and row panels inside them, or the other way round when C's block takes more than half of L2
 * ({@link #ROWS_OUTER_ABOVE}; row panels then go in small groups, {@link #ROW_GROUP_K}), then the {@code MR × NR}
 * register-blocked micro-kernel: 8 rows × 3 vectors = 24 accumulators updated with {@code fma}.
 * Packing handles the transposes and zero-pads ragged edges, so the micro-kernel only sees full panels. A full tile
 * in modes SET and ADD is written into C by the micro-kernel itself ({@link MicroKernels#kernelSet},
 * {@link MicroKernels#kernelAdd}); a ragged tile, or mode BETA, leaves its accumulators in a small tile buffer, from
 * which {@link #update} writes the valid part into C with the same operations.
 *
 * <p>Determinism: element {@code C(i, j)} is computed as follows, whatever block, tile or thread it falls in: for each
 * k block (boundaries depend on k only) an accumulator starts at 0 and takes {@code fma(a_ip, b_pj, acc)} for p in
 * order; the first block stores {@code alpha·acc (+ beta·C)}, later blocks {@code C + alpha·acc}. So results do not
 * depend on how the output is split between threads.
 */
public final class VectorGemm {

    /** The species of the vector path. */
    public static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    /** Lanes per vector. */
    public static final int L = S.length();
    /** Rows of the micro-tile. */
    public static final int MR = Tuning.MR;
    /** Columns of the micro-tile. */
    public static final int NR = Tuning.NR_VECTORS * L;
    /** Largest k block; the actual block size balances k (see {@link #kBlock(int)}). */
    public static final int KC_MAX = Tuning.KC_MAX;
    /** Rows of A per packed block (kept in L2). */
    public static final int MC = Tuning.MC;
    /** Columns of B per packed block. */
    public static final int NC = Tuning.NC_PANELS * NR;
    /** Elements of C's block above which row panels run outermost (see {@link Tuning#ROWS_OUTER_ABOVE}). */
    public static final long ROWS_OUTER_ABOVE = Tuning.ROWS_OUTER_ABOVE;
    /** Row panels outermost go in groups of {@code ROW_GROUP_K / kc} (see {@link Tuning#ROW_GROUP_K}). */
    public static final int ROW_GROUP_K = Tuning.ROW_GROUP_K;

    private static final int MODE_SET = 0;   // C = alpha*acc
    private static final int MODE_BETA = 1;  // C = alpha*acc + beta*C
    private static final int MODE_ADD = 2;   // C = C + alpha*acc

    private VectorGemm() {
    }

    /** The k-block size for a given k: at most {@link #KC_MAX}, blocks of (nearly) equal size. Depends on k only. */
    public static int kBlock(int k) {
        int blocks = (k + KC_MAX - 1) / KC_MAX;
        return (k + blocks - 1) / blocks;
    }

    /** Per-thread packing buffers; grown once, then reused. */
    static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** The block {@code i0..i1 × j0..j1} of C; {@code sharedA}: op(A) packed whole, or null (see {@link #packed}). */
    public static void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1,
                     float[] sharedA) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (opB == Op.N && j1 - j0 <= L) {
            narrow(opA, alpha, a, b, beta, c, i0, i1, j0, j1);
            return;
        }
        packed(opA, opB, alpha, a, b, beta, c, i0, i1, j0, j1, sharedA);
    }

    /**
     * Floats of the buffer for op(A) packed whole ({@code m × k}, rows padded to {@link #MR}): k block by k block,
     * each holding the row blocks of {@link #MC} as {@link Packing#packA} lays them out. Threads that split a
     * product by columns all need all of op(A); packed once into one buffer ({@link #packShared}), each packs its
     * share instead of the whole.
     */
    public static long sharedSize(int m, int k) {
        return (long) roundUp(m, MR) * k;
    }

    /** How many (k block, row block) pieces {@link #packShared} packs op(A) in. */
    public static int sharedPieces(int m, int k) {
        int kc0 = kBlock(k);
        return ((k + kc0 - 1) / kc0) * ((m + MC - 1) / MC);
    }

    /** Packs pieces {@code from..to} (see {@link #sharedPieces}) of op(A), {@code m × k}, into {@code dst}. */
    public static void packShared(Op opA, Matrix a, int m, int k, int from, int to, float[] dst) {
        int kc0 = kBlock(k);
        int rowBlocks = (m + MC - 1) / MC;
        int mPad = roundUp(m, MR);
        for (int piece = from; piece < to; piece++) {
            int pc = piece / rowBlocks * kc0;
            int ic = piece % rowBlocks * MC;
            int kc = Math.min(kc0, k - pc);
            Packing.packA(opA, a, ic, Math.min(MC, m - ic), pc, kc, dst, sharedOffset(mPad, pc, ic, kc));
        }
    }

    /** Where the row block at {@code ic} of the k block at {@code pc} (of {@code kc}) starts in the whole packed A. */
    private static int sharedOffset(int mPad, int pc, int ic, int kc) {
        return mPad * pc + ic * kc;
    }

    /**
     * The packed (Goto/BLIS) product of the class comment, for any shape. With {@code sharedA} not null, op(A) is
     * already packed there whole, as {@link #packShared} lays it out (rows {@code i0..i1} must then be all of C's).
     */
    public static void packed(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1,
                       float[] sharedA) {
        if (sharedA != null && (i0 != 0 || i1 != c.rows())) {
            throw new IllegalArgumentException("a shared packed A covers all rows of C, not rows " + i0 + ".." + i1);
        }
        int k = opA == Op.N ? a.cols() : a.rows();
        Buffers buf = BUFFERS.get();
        int kc0 = kBlock(k);
        int mPad = roundUp(i1 - i0, MR);
        int mcMax = Math.min(MC, mPad);
        int ncMax = Math.min(NC, roundUp(j1 - j0, NR));
        float[] ap = sharedA != null ? sharedA : buf.a(mcMax * kc0);
        // One row block (a batch of up to MC rows): each B panel serves that block only, so it is packed just before
        // its row panels run and is still in L1 for them, instead of the whole B block being packed to L2 first and
        // read back.
        boolean panelByPanel = i1 - i0 <= MC;
        boolean rowsOuter = !panelByPanel && (long) (i1 - i0) * (j1 - j0) > ROWS_OUTER_ABOVE;
        float[] bp = buf.b((panelByPanel ? NR : ncMax) * kc0);
        float[] cd = c.array();
        int ldc = c.stride();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += kc0) {
                int kc = Math.min(kc0, k - pc);
                int mode = pc > 0 ? MODE_ADD : beta == 0f ? MODE_SET : MODE_BETA;
                if (!panelByPanel) {
                    Packing.packB(opB, b, pc, kc, jc, nc, bp);
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int apo = 0;
                    if (sharedA == null) {
                        Packing.packA(opA, a, ic, mc, pc, kc, ap, 0);
                    } else {
                        apo = sharedOffset(mPad, pc, ic, kc);
                    }
                    if (panelByPanel) {
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nr = Math.min(NR, nc - jr);
                            Packing.packB(opB, b, pc, kc, jc + jr, nr, bp);
                            macroKernel(buf.tile, ap, apo, bp, kc, mc, nr, cd, c.offset() + ic * ldc + jc + jr, ldc, alpha, beta,
                                    mode, false);
                        }
                    } else {
                        macroKernel(buf.tile, ap, apo, bp, kc, mc, nc, cd, c.offset() + ic * ldc + jc, ldc, alpha, beta, mode,
                                rowsOuter);
                    }
                }
            }
        }
    }

    /**
     * C of at most one vector of columns times an untransposed B (a classifier's output layer: {@code H·W} with 10
     * columns, and its weight update {@code Hᵀ·δ}), without packing: a third of the packed micro-tile's columns would
     * be padding, and packing A would copy all of it for a product this thin. Blocks of {@link #MR} rows, one masked
     * vector per row, B's rows loaded in place. The k blocks, the chains and {@link #update} are those of the packed
     * path, so each element has the same bits as there.
     */
    private static void narrow(Op opA, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1) {
        int k = opA == Op.N ? a.cols() : a.rows();
        int kc0 = kBlock(k);
        int nr = j1 - j0;
        VectorMask<Float> m = S.indexInRange(0, nr);
        float[] t = BUFFERS.get().tile;
        float[] ad = a.array();
        float[] bd = b.array();
        // op(A)(i, p) = ad[a.offset() + i·rowStep + p·pStep]
        int rowStep = opA == Op.N ? a.stride() : 1;
        int pStep = opA == Op.N ? 1 : a.stride();
        int bs = b.stride();
        for (int i = i0; i < i1; i += MR) {
            int mr = Math.min(MR, i1 - i);
            for (int pc = 0; pc < k; pc += kc0) {
                int kc = Math.min(kc0, k - pc);
                int mode = pc > 0 ? MODE_ADD : beta == 0f ? MODE_SET : MODE_BETA;
                if (mr == MR) {
                    narrowTile(ad, a.offset() + i * rowStep + pc * pStep, rowStep, pStep, bd, b.offset() + pc * bs + j0, bs, kc, nr, t);
                } else {
                    for (int r = 0; r < mr; r++) {
                        FloatVector acc = FloatVector.zero(S);
                        int ai = a.offset() + (i + r) * rowStep + pc * pStep;
                        int bi = b.offset() + pc * bs + j0;
                        for (int p = 0; p < kc; p++) {
                            acc = FloatVector.broadcast(S, ad[ai + p * pStep]).fma(FloatVector.fromArray(S, bd, bi + p * bs, m), acc);
                        }
                        acc.intoArray(t, r * NR);
                    }
                }
                update(t, mr, nr, c.array(), c.offset() + i * c.stride() + j0, c.stride(), alpha, beta, mode);
            }
        }
    }

    /**
     * The chains of {@link #narrow} for {@link #MR} rows over one k block ({@code nr} columns), into rows of the tile
     * buffer. It makes its own mask: a mask passed in is boxed whenever the call is not inlined.
     */
    private static void narrowTile(float[] ad, int ai, int rowStep, int pStep, float[] bd, int bi, int bs, int kc, int nr, float[] t) {
        VectorMask<Float> m = S.indexInRange(0, nr);
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0; p < kc; p++) {
            FloatVector bv = FloatVector.fromArray(S, bd, bi + p * bs, m);
            int x = ai + p * pStep;
            c0 = FloatVector.broadcast(S, ad[x]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, ad[x + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, ad[x + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, ad[x + 3 * rowStep]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, ad[x + 4 * rowStep]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, ad[x + 5 * rowStep]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, ad[x + 6 * rowStep]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, ad[x + 7 * rowStep]).fma(bv, c7);
        }
        c0.intoArray(t, 0);
        c1.intoArray(t, NR);
        c2.intoArray(t, 2 * NR);
        c3.intoArray(t, 3 * NR);
        c4.intoArray(t, 4 * NR);
        c5.intoArray(t, 5 * NR);
        c6.intoArray(t, 6 * NR);
        c7.intoArray(t, 7 * NR);
    }

    /**
     * All micro-tiles of one packed A block ({@code mc × kc}) times one packed B block ({@code kc × nc}), written to
     * C at {@code co0}. Column panels outer: each B panel is loaded into L1 once and reused by every row panel while
     * the A block streams from L2 (where row panels outer would stream the B block from L2 instead), unless {@code rowsOuter} (see {@link #ROWS_OUTER_ABOVE}): then
     * groups of {@link #rowGroup} row panels outermost, column panels, and the group's row panels innermost.
     */
    private static void macroKernel(float[] tile, float[] ap, int apo, float[] bp, int kc, int mc, int nc, float[] cd, int co0,
                                    int ldc, float alpha, float beta, int mode, boolean rowsOuter) {
        if (rowsOuter) {
            int group = rowGroup(kc) * MR;
            for (int ir0 = 0; ir0 < mc; ir0 += group) {
                int ir1 = Math.min(mc, ir0 + group);
                for (int jr = 0; jr < nc; jr += NR) {
                    for (int ir = ir0; ir < ir1; ir += MR) {
                        microTile(tile, ap, apo, bp, kc, mc, nc, ir, jr, cd, co0, ldc, alpha, beta, mode);
                    }
                }
            }
        } else {
            for (int jr = 0; jr < nc; jr += NR) {
                for (int ir = 0; ir < mc; ir += MR) {
                    microTile(tile, ap, apo, bp, kc, mc, nc, ir, jr, cd, co0, ldc, alpha, beta, mode);
                }
            }
        }
    }

    /** Row panels per group when row panels run outermost (see {@link #ROW_GROUP_K}). */
    public static int rowGroup(int kc) {
        return Math.max(1, ROW_GROUP_K / kc);
    }

    /** The micro-tile at row panel {@code ir}, column panel {@code jr} of {@link #macroKernel}'s blocks. */
    private static void microTile(float[] tile, float[] ap, int apo, float[] bp, int kc, int mc, int nc, int ir, int jr, float[] cd,
                                  int co0, int ldc, float alpha, float beta, int mode) {
        int nr = Math.min(NR, nc - jr);
        boolean full = nr == NR && mc - ir >= MR;
        if (full && mode == MODE_ADD) {
            MicroKernels.kernelAdd(kc, ap, apo + ir * kc, bp, jr * kc, cd, co0 + ir * ldc + jr, ldc, alpha);
        } else if (full && mode == MODE_SET) {
            MicroKernels.kernelSet(kc, ap, apo + ir * kc, bp, jr * kc, cd, co0 + ir * ldc + jr, ldc, alpha);
        } else {
            int mr = Math.min(MR, mc - ir);
            if (nr <= L) {
                MicroKernels.kernelOne(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else if (nr <= 2 * L) {
                MicroKernels.kernelTwo(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else if (mr <= MR / 2) {
                MicroKernels.kernelHalf(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else {
                MicroKernels.kernel(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            }
            update(tile, mr, nr, cd, co0 + ir * ldc + jr, ldc, alpha, beta, mode);
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * Writes the accumulators of a tile ({@code t}, row r at {@code r·NR}) into the {@code mr × nr} corner of C at
     * {@code co}: {@code alpha·t}, {@code alpha·t + beta·C} or {@code C + alpha·t} by mode. Ragged columns use masks,
     * so every element is rounded the same way wherever its tile lies.
     */
    private static void update(float[] t, int mr, int nr, float[] c, int co, int ldc, float alpha, float beta, int mode) {
        for (int r = 0; r < mr; r++) {
            int ci = co + r * ldc;
            int ti = r * NR;
            for (int v = 0; v < nr; v += L) {
                VectorMask<Float> m = S.indexInRange(v, nr);
                FloatVector x = FloatVector.fromArray(S, t, ti + v).mul(alpha);
                if (mode == MODE_SET) {
                    x.intoArray(c, ci + v, m);
                } else if (mode == MODE_BETA) {
                    x.add(FloatVector.fromArray(S, c, ci + v, m).mul(beta)).intoArray(c, ci + v, m);
                } else {
                    FloatVector.fromArray(S, c, ci + v, m).add(x).intoArray(c, ci + v, m);
                }
            }
        }
    }

}
