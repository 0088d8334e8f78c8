package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

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
 * in modes SET and ADD is written into C by the micro-kernel itself ({@link #kernelSet}, {@link #kernelAdd}); a
 * ragged tile, or mode BETA, leaves its accumulators in a small tile buffer, from which {@link #update} writes the
 * valid part into C with the same operations.
 *
 * <p>Determinism: element {@code C(i, j)} is computed as follows, whatever block, tile or thread it falls in: for each
 * k block (boundaries depend on k only) an accumulator starts at 0 and takes {@code fma(a_ip, b_pj, acc)} for p in
 * order; the first block stores {@code alpha·acc (+ beta·C)}, later blocks {@code C + alpha·acc}. So results do not
 * depend on how the output is split between threads.
 */
final class VectorGemm {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the micro-tile. */
    static final int MR = 8;
    /** Columns of the micro-tile: three vectors. */
    static final int NR = 3 * L;
    /**
     * Largest k block; the actual block size balances k (see {@link #kBlock(int)}). 208 keeps a B panel
     * (kc × NR floats, 39 KB) inside a 48 KB L1 next to the streaming A panel; 256 filled it (backward shape, k 1000:
     * 5 blocks of 200 instead of 4 of 250, ~5% faster here).
     */
    static final int KC_MAX = 208;
    /** Rows of A per packed block (kept in L2). */
    static final int MC = 144;
    /** Columns of B per packed block. */
    static final int NC = 32 * NR;
    /**
     * Elements of C's block (rows × columns of one call) above which the macro-kernel runs row panels outermost: each
     * row panel then sweeps its 8 rows of C in order, which the hardware prefetcher follows, where column panels
     * outermost visit every row of the block for each panel and C's tiles miss cache once C no longer fits in L2
     * (2 MB, 2^19 floats). One thread, in-process A/B: 1024³ 2–5% and 784×1000×100 (Aᵀ) 3% faster, 800³ 1.5%,
     * 1500³ 1–3%. With row panels in groups ({@link #ROW_GROUP_K}) the threshold moved down from 2^19 to 2^18:
     * 600×700 (k 300) 1–3% faster, 700³ the same, and on two threads (split by rows) 1024³ 1–4% and 784×1000×100
     * 2–4% faster; at 300³ and 400³ column panels outermost stay ahead (1–5%).
     */
    static final long ROWS_OUTER_ABOVE = 1L << 18;

    /**
     * With row panels outermost, they go in groups of {@code ROW_GROUP_K / kc} (at least one) that share each B panel:
     * each B panel comes from L2 once per group instead of once per row panel, and the group's A panels (about 26 KB)
     * are read again for every B panel. One thread, in-process A/B against one row panel at a time: 784×1000×100
     * (Aᵀ, k block 100, 8 row panels) 2.2–2.7% faster, 1024³ (k block 205, 4 row panels) 1.2–1.6%, 800³ 2%, 1500³
     * 3–7%; {@code 624} and {@code 1248} measured the same as 832.
     */
    static final int ROW_GROUP_K = 4 * KC_MAX;

    private static final int MODE_SET = 0;   // C = alpha*acc
    private static final int MODE_BETA = 1;  // C = alpha*acc + beta*C
    private static final int MODE_ADD = 2;   // C = C + alpha*acc

    private VectorGemm() {
    }

    /** The k-block size for a given k: at most {@link #KC_MAX}, blocks of (nearly) equal size. Depends on k only. */
    static int kBlock(int k) {
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
    static void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1,
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
     * each holding the row blocks of {@link #MC} as {@link #packA} lays them out. Threads that split a product by
     * columns all need all of op(A); packed once into one buffer ({@link #packShared}), each packs its share instead
     * of the whole (1024³ on two threads: packing A took 8% of each thread's time).
     */
    static long sharedSize(int m, int k) {
        return (long) roundUp(m, MR) * k;
    }

    /** How many (k block, row block) pieces {@link #packShared} packs op(A) in. */
    static int sharedPieces(int m, int k) {
        int kc0 = kBlock(k);
        return ((k + kc0 - 1) / kc0) * ((m + MC - 1) / MC);
    }

    /** Packs pieces {@code from..to} (see {@link #sharedPieces}) of op(A), {@code m × k}, into {@code dst}. */
    static void packShared(Op opA, Matrix a, int m, int k, int from, int to, float[] dst) {
        int kc0 = kBlock(k);
        int rowBlocks = (m + MC - 1) / MC;
        int mPad = roundUp(m, MR);
        for (int piece = from; piece < to; piece++) {
            int pc = piece / rowBlocks * kc0;
            int ic = piece % rowBlocks * MC;
            int kc = Math.min(kc0, k - pc);
            packA(opA, a, ic, Math.min(MC, m - ic), pc, kc, dst, sharedOffset(mPad, pc, ic, kc));
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
    static void packed(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1,
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
        // read back (one thread, in-process A/B: forward 100×1000×784 3–6%, backward 6–11% faster).
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
                    packB(opB, b, pc, kc, jc, nc, bp);
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int apo = 0;
                    if (sharedA == null) {
                        packA(opA, a, ic, mc, pc, kc, ap, 0);
                    } else {
                        apo = sharedOffset(mPad, pc, ic, kc);
                    }
                    if (panelByPanel) {
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nr = Math.min(NR, nc - jr);
                            packB(opB, b, pc, kc, jc + jr, nr, bp);
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
     * path, so each element has the same bits as there. MNIST shapes, one thread: {@code 100×1000 · 1000×10} 114 µs
     * packed, {@code 1000×100 · 100×10} (transposed A) 151 µs packed.
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
     * the A block streams from L2 (measured here: 160–166 GFLOP/s for kc 112–256, against 140–166 with row panels
     * outer, whose B block streams from L2 instead), unless {@code rowsOuter} (see {@link #ROWS_OUTER_ABOVE}): then
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
    static int rowGroup(int kc) {
        return Math.max(1, ROW_GROUP_K / kc);
    }

    /** The micro-tile at row panel {@code ir}, column panel {@code jr} of {@link #macroKernel}'s blocks. */
    private static void microTile(float[] tile, float[] ap, int apo, float[] bp, int kc, int mc, int nc, int ir, int jr, float[] cd,
                                  int co0, int ldc, float alpha, float beta, int mode) {
        int nr = Math.min(NR, nc - jr);
        boolean full = nr == NR && mc - ir >= MR;
        if (full && mode == MODE_ADD) {
            kernelAdd(kc, ap, apo + ir * kc, bp, jr * kc, cd, co0 + ir * ldc + jr, ldc, alpha);
        } else if (full && mode == MODE_SET) {
            kernelSet(kc, ap, apo + ir * kc, bp, jr * kc, cd, co0 + ir * ldc + jr, ldc, alpha);
        } else {
            int mr = Math.min(MR, mc - ir);
            if (nr <= L) {
                kernelOne(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else if (nr <= 2 * L) {
                kernelTwo(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else if (mr <= MR / 2) {
                kernelHalf(kc, ap, apo + ir * kc, bp, jr * kc, tile);
            } else {
                kernel(kc, ap, apo + ir * kc, bp, jr * kc, tile);
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

    /**
     * Packs rows {@code ic..ic+mc} and k range {@code pc..pc+kc} of op(A) into panels of {@link #MR} rows from
     * {@code ap[apo]} on: panel q holds, for each p, the MR values {@code op(A)(ic + q·MR + r, pc + p)}, zero beyond
     * row mc.
     */
    static void packA(Op opA, Matrix a, int ic, int mc, int pc, int kc, float[] ap, int apo) {
        float[] ad = a.array();
        int as = a.stride();
        int base = a.offset();
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = apo + ir * kc;
            if (opA == Op.N && Transpose16.AVAILABLE && mr == MR && kc >= 16) {
                // A full panel: 8×16 blocks transposed in registers (one thread, in-process A/B against 16×16 blocks
                // stored in halves: backward 2–7%, 1024³ about 1% faster).
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
                    // Two full panels from one 16-float load per p instead of a copy of 8 floats per panel and p
                    // (in-process A/B, 784×1000×100: 0.3–0.6% faster on one thread, 1–1.5% on two).
                    packPanelPairT(ad, base + pc * as + ic + ir, as, ap, dst, kc);
                    ir += MR;
                    continue;
                }
                if (mr == MR) {
                    // A plain copy: a 256-bit FloatVector here stayed un-intrinsified (boxed, 14 KB per call) after C2
                    // had compiled packA under a mixed workload of transposes (JitDeterminismTest's GEMM cases).
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
    static void packB(Op opB, Matrix b, int pc, int kc, int jc, int nc, float[] bp) {
        float[] bd = b.array();
        int bs = b.stride();
        int base = b.offset();
        int jr0 = 0;
        if (opB == Op.N && nc > NR) {
            // Several panels (B's whole block): row p of B goes into every full panel before row p + 1 is read, so B
            // is read in memory order; panel by panel, each row gives 192 bytes at a stride of B's row, which the
            // prefetcher does not follow (one thread, in-process A/B: 1024³ 1–2% faster, 300³ and 700³ the same).
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
                // transposed in registers, 16 rows of B at a time along p (each row read in order: backward shape
                // 2% faster than all of the panel's rows at each p); a ragged end in p or j is covered by one more
                // block that overlaps the previous one (it rewrites some values with the same values). Narrow panels
                // or short k blocks go four rows at a time, so each p writes four adjacent floats.
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

    /**
     * The MR × NR micro-kernel over packed panels: 24 accumulators, one fma each per p, stored raw into the tile
     * buffer {@code t} (row r at {@code r·NR}) for {@link #update}; used for ragged tiles and for mode BETA.
     * The three kernels share their loop text: one method with all three endings grew past what C1's register
     * allocator takes ("out of virtual registers"), which left it in tier 2 with every vector boxed (1 GFLOP/s).
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
     * same chains, two thirds of the work (one thread, in-process A/B: 800³ 1.6%, 200×80×300 3–6% faster).
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
     * with the operations of {@link #update}, so its elements round exactly as a ragged tile's. Saves the tile
     * round trip (about 9% of a 1024³ product).
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
    }
}
