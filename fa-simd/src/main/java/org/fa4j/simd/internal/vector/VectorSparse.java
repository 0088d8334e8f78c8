package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.internal.SparseIndex;
import org.fa4j.simd.internal.Tuning;

/**
 * The sparse × dense kernels of the vector path ({@link org.fa4j.simd.internal.Kernels#sparseProduct},
 * {@link org.fa4j.simd.internal.Kernels#sparseUpdate}). Both are one operation on a compressed index: output row {@code r} of C, columns {@code j0 ≤ j < j1}, is
 *
 * <pre>{@code c(r, j) ← fma chain over k ∈ [start[r], start[r+1]) ascending of (alpha · val[k]) · b(idx[k], j),
 *                   starting from 0 (beta = 0), c(r, j) (beta = 1) or beta · c(r, j)}</pre>
 *
 * <p>The forward product uses the row-compressed index of A (rows of C = rows of A); the weight update uses the
 * column-compressed one (rows of W = columns of A). Every element is that one chain here and on the scalar path (the
 * vector lanes and {@link Math#fma} round alike), whichever loop order, block or thread computes it, so the paths agree
 * bit for bit and results do not depend on how columns are split between threads. Skipping the zeros of A is
 * exact: the chain is the dense one without its {@code 0·b} terms (for finite b).
 */
final class VectorSparse {
    private static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    private static final int L = S.length();
    private static final int ROWWISE_MAX_ROWS = Tuning.SPARSE_ROWWISE_MAX_ROWS;
    private static final int CHUNK = Tuning.SPARSE_CHUNK;

    private VectorSparse() {
    }

    /** The forward product {@code C = alpha·A·B + beta·C} on the columns {@code [j0, j1)} ({@code a}: A by rows). */
    static void product(SparseIndex a, float alpha, Matrix b, float beta, Matrix c, int j0, int j1) {
        columnsOuter(a.rows(), a.start(), a.idx(), a.val(), alpha, b, beta, c, j0, j1);
    }

    /** The weight update {@code W = beta·W + alpha·Aᵀ·D} on the columns {@code [j0, j1)} ({@code aT}: A by columns). */
    static void update(SparseIndex aT, float alpha, Matrix d, float beta, Matrix w, int j0, int j1) {
        update(aT.rows(), aT.start(), aT.idx(), aT.val(), alpha, d, beta, w, j0, j1);
    }

    /** The chain's start: 0, c or beta·c (rounded as the vector lanes round it). */
    private static float init(float beta, float c) {
        return beta == 0f ? 0f : beta == 1f ? c : beta * c;
    }

    /**
     * Output rows in order, each over {@code [j0, j1)} in blocks of 8 vectors, then 4, 2 and 1 vectors and a masked
     * one; the building block of the other loop orders and their ragged ends. Rows with no entries are skipped when
     * {@code beta == 1}, where the chain is empty and changes nothing (the rows of W of zero inputs).
     */
    private static void rowsOuter(int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
                                  Matrix c, int j0, int j1) {
        float[] bd = b.array();
        int bo = b.offset();
        int bs = b.stride();
        float[] cd = c.array();
        for (int r = 0; r < outRows; r++) {
            int k0 = start[r];
            int k1 = start[r + 1];
            if (k0 == k1 && beta == 1f) {
                continue;
            }
            int row = c.offset() + r * c.stride();
            int j = j0;
            for (; j + 8 * L <= j1; j += 8 * L) {
                int o = row + j;
                FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o);
                FloatVector a1 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + L);
                FloatVector a2 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 2 * L);
                FloatVector a3 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 3 * L);
                FloatVector a4 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 4 * L);
                FloatVector a5 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 5 * L);
                FloatVector a6 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 6 * L);
                FloatVector a7 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 7 * L);
                if (beta != 0f && beta != 1f) {
                    a0 = a0.mul(beta);
                    a1 = a1.mul(beta);
                    a2 = a2.mul(beta);
                    a3 = a3.mul(beta);
                    a4 = a4.mul(beta);
                    a5 = a5.mul(beta);
                    a6 = a6.mul(beta);
                    a7 = a7.mul(beta);
                }
                for (int k = k0; k < k1; k++) {
                    FloatVector s = FloatVector.broadcast(S, alpha * val[k]);
                    int base = bo + idx[k] * bs + j;
                    a0 = s.fma(FloatVector.fromArray(S, bd, base), a0);
                    a1 = s.fma(FloatVector.fromArray(S, bd, base + L), a1);
                    a2 = s.fma(FloatVector.fromArray(S, bd, base + 2 * L), a2);
                    a3 = s.fma(FloatVector.fromArray(S, bd, base + 3 * L), a3);
                    a4 = s.fma(FloatVector.fromArray(S, bd, base + 4 * L), a4);
                    a5 = s.fma(FloatVector.fromArray(S, bd, base + 5 * L), a5);
                    a6 = s.fma(FloatVector.fromArray(S, bd, base + 6 * L), a6);
                    a7 = s.fma(FloatVector.fromArray(S, bd, base + 7 * L), a7);
                }
                a0.intoArray(cd, o);
                a1.intoArray(cd, o + L);
                a2.intoArray(cd, o + 2 * L);
                a3.intoArray(cd, o + 3 * L);
                a4.intoArray(cd, o + 4 * L);
                a5.intoArray(cd, o + 5 * L);
                a6.intoArray(cd, o + 6 * L);
                a7.intoArray(cd, o + 7 * L);
            }
            // The rest (under 8 vectors): 4, 2 and 1 vectors at a time (independent chains keep the FMA units
            // busy), then one masked vector, whose lanes round as Math.fma does.
            if (j + 4 * L <= j1) {
                int o = row + j;
                FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o);
                FloatVector a1 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + L);
                FloatVector a2 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 2 * L);
                FloatVector a3 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + 3 * L);
                if (beta != 0f && beta != 1f) {
                    a0 = a0.mul(beta);
                    a1 = a1.mul(beta);
                    a2 = a2.mul(beta);
                    a3 = a3.mul(beta);
                }
                for (int k = k0; k < k1; k++) {
                    FloatVector s = FloatVector.broadcast(S, alpha * val[k]);
                    int base = bo + idx[k] * bs + j;
                    a0 = s.fma(FloatVector.fromArray(S, bd, base), a0);
                    a1 = s.fma(FloatVector.fromArray(S, bd, base + L), a1);
                    a2 = s.fma(FloatVector.fromArray(S, bd, base + 2 * L), a2);
                    a3 = s.fma(FloatVector.fromArray(S, bd, base + 3 * L), a3);
                }
                a0.intoArray(cd, o);
                a1.intoArray(cd, o + L);
                a2.intoArray(cd, o + 2 * L);
                a3.intoArray(cd, o + 3 * L);
                j += 4 * L;
            }
            if (j + 2 * L <= j1) {
                int o = row + j;
                FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o);
                FloatVector a1 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o + L);
                if (beta != 0f && beta != 1f) {
                    a0 = a0.mul(beta);
                    a1 = a1.mul(beta);
                }
                for (int k = k0; k < k1; k++) {
                    FloatVector s = FloatVector.broadcast(S, alpha * val[k]);
                    int base = bo + idx[k] * bs + j;
                    a0 = s.fma(FloatVector.fromArray(S, bd, base), a0);
                    a1 = s.fma(FloatVector.fromArray(S, bd, base + L), a1);
                }
                a0.intoArray(cd, o);
                a1.intoArray(cd, o + L);
                j += 2 * L;
            }
            if (j + L <= j1) {
                int o = row + j;
                FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o);
                if (beta != 0f && beta != 1f) {
                    a0 = a0.mul(beta);
                }
                for (int k = k0; k < k1; k++) {
                    a0 = FloatVector.broadcast(S, alpha * val[k]).fma(FloatVector.fromArray(S, bd, bo + idx[k] * bs + j), a0);
                }
                a0.intoArray(cd, o);
                j += L;
            }
            if (j < j1) {
                int o = row + j;
                VectorMask<Float> m = S.indexInRange(0, j1 - j);
                FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o, m);
                if (beta != 0f && beta != 1f) {
                    a0 = a0.mul(beta);
                }
                for (int k = k0; k < k1; k++) {
                    a0 = FloatVector.broadcast(S, alpha * val[k]).fma(FloatVector.fromArray(S, bd, bo + idx[k] * bs + j, m), a0);
                }
                a0.intoArray(cd, o, m);
                j = j1;
            }
        }
    }

    /**
     * Column blocks outermost, output rows inside, for the forward product, where B (the weights) is large and C (a
     * batch) has few rows. Within a block of 8 vectors the k range is cut into chunks of {@link #CHUNK} rows of B
     * (32 KB, kept in L1 while every row of C takes its non-zeros in that chunk); a row's accumulators go through C
     * between chunks, which is exact, so each element is still the one chain. Up to {@link #ROWWISE_MAX_ROWS} rows it
     * streams whole rows of B instead.
     */
    private static void columnsOuter(int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
                             Matrix c, int j0, int j1) {
        if (outRows <= ROWWISE_MAX_ROWS) {
            rowwise(outRows, start, idx, val, alpha, b, beta, c, j0, j1);
            return;
        }
        int j = j0;
        if (j + 8 * L <= j1) {
            Scratch sc = scaled(start[outRows], idx, val, alpha, b.stride());
            int[] cursor = sc.cursors(outRows);
            for (; j + 8 * L <= j1; j += 8 * L) {
                chunked(outRows, start, idx, sc, b, beta, c, j, cursor);
            }
            if (j < j1 && beta == 0f) {
                // A ragged end as one more whole block ending at j1: with beta 0 each element is its chain from 0,
                // so the columns it shares with the previous block get the same bits again (this thread's own).
                chunked(outRows, start, idx, sc, b, beta, c, j1 - 8 * L, cursor);
                return;
            }
        }
        rowsOuter(outRows, start, idx, val, alpha, b, beta, c, j, j1);
    }

    /**
     * The weight update {@code W = beta·W + alpha·Aᵀ·D}: column blocks of 4 vectors outermost, so the block of D (a
     * batch of 100 rows: 25 KB) stays in L1 while the rows of W stream through once; inside, two rows of W at a time
     * with their chains interleaved (8 independent accumulators keep both FMA units busy, where one row of 4 vectors
     * waits on FMA latency). A decay ({@code beta != 1}) is applied to each element as it streams by, so W is read
     * and written once. Same chains as {@link #rowsOuter}. Up to {@link #ROWWISE_MAX_ROWS} rows of D (online
     * learning) each row of W is one short chain: rows outermost there.
     */
    private static void update(int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix d, float beta, Matrix w,
                               int j0, int j1) {
        int j = j0;
        if (d.rows() > ROWWISE_MAX_ROWS) {
            Scratch sc = scaled(start[outRows], idx, val, alpha, d.stride());
            for (; j + 4 * L <= j1; j += 4 * L) {
                updatePairs(outRows, start, sc.offsets, sc.scaled, d, beta, w, j);
            }
        }
        rowsOuter(outRows, start, idx, val, alpha, d, beta, w, j, j1);
    }

    /**
     * The multiplicands {@code alpha·val[k]} and the offsets {@code idx[k]·stride} of the rows of the dense operand for
     * the first {@code nnz} entries, in this thread's scratch: computed once per call instead of once per column block
     * (the same products, so the same bits).
     */
    private static Scratch scaled(int nnz, int[] idx, float[] val, float alpha, int stride) {
        Scratch sc = SCRATCH.get().of(nnz);
        for (int k = 0; k < nnz; k++) {
            sc.scaled[k] = alpha * val[k];
            sc.offsets[k] = idx[k] * stride;
        }
        return sc;
    }

    /** Per-thread arrays of {@link #scaled} and {@link #chunked}'s row cursors; grown once, then reused. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        float[] scaled = new float[0];
        int[] offsets = new int[0];
        private int[] cursor = new int[0];

        Scratch of(int n) {
            if (scaled.length < n) {
                scaled = new float[n];
                offsets = new int[n];
            }
            return this;
        }

        int[] cursors(int rows) {
            if (cursor.length < rows) {
                cursor = new int[rows];
            }
            return cursor;
        }
    }

    /** The start of the chains of one vector of W at {@code o}: 0, W or {@code beta·W}, rounded as {@link #init} rounds it. */
    private static FloatVector chainStart(float beta, float[] wd, int o) {
        if (beta == 0f) {
            return FloatVector.zero(S);
        }
        FloatVector v = FloatVector.fromArray(S, wd, o);
        return beta == 1f ? v : v.mul(beta);
    }

    /**
     * The columns {@code [j, j + 4L)} of {@link #update}, rows of W two at a time (the last alone when odd), with the
     * multiplicands and row offsets of D that {@link #update} computed. A pair of rows with no entries is skipped when
     * {@code beta == 1} and takes the empty chain (0 or {@code beta·W}) otherwise.
     */
    private static void updatePairs(int outRows, int[] start, int[] offset, float[] scaled, Matrix d, float beta, Matrix w, int j) {
        float[] dd = d.array();
        int dOff = d.offset() + j;
        float[] wd = w.array();
        for (int r = 0; r < outRows; r += 2) {
            boolean pair = r + 1 < outRows;
            int k = start[r];
            int k1 = start[r + 1];
            int q = k1;
            int q1 = pair ? start[r + 2] : k1;
            if (k == k1 && q == q1 && beta == 1f) {
                continue;
            }
            int o = w.offset() + r * w.stride() + j;
            int o2 = pair ? o + w.stride() : o;
            FloatVector a0 = chainStart(beta, wd, o);
            FloatVector a1 = chainStart(beta, wd, o + L);
            FloatVector a2 = chainStart(beta, wd, o + 2 * L);
            FloatVector a3 = chainStart(beta, wd, o + 3 * L);
            FloatVector b0 = chainStart(beta, wd, o2);
            FloatVector b1 = chainStart(beta, wd, o2 + L);
            FloatVector b2 = chainStart(beta, wd, o2 + 2 * L);
            FloatVector b3 = chainStart(beta, wd, o2 + 3 * L);
            for (int both = Math.min(k1 - k, q1 - q); both > 0; both--, k++, q++) {
                FloatVector s = FloatVector.broadcast(S, scaled[k]);
                FloatVector t = FloatVector.broadcast(S, scaled[q]);
                int x = dOff + offset[k];
                int y = dOff + offset[q];
                a0 = s.fma(FloatVector.fromArray(S, dd, x), a0);
                b0 = t.fma(FloatVector.fromArray(S, dd, y), b0);
                a1 = s.fma(FloatVector.fromArray(S, dd, x + L), a1);
                b1 = t.fma(FloatVector.fromArray(S, dd, y + L), b1);
                a2 = s.fma(FloatVector.fromArray(S, dd, x + 2 * L), a2);
                b2 = t.fma(FloatVector.fromArray(S, dd, y + 2 * L), b2);
                a3 = s.fma(FloatVector.fromArray(S, dd, x + 3 * L), a3);
                b3 = t.fma(FloatVector.fromArray(S, dd, y + 3 * L), b3);
            }
            for (; k < k1; k++) {
                FloatVector s = FloatVector.broadcast(S, scaled[k]);
                int x = dOff + offset[k];
                a0 = s.fma(FloatVector.fromArray(S, dd, x), a0);
                a1 = s.fma(FloatVector.fromArray(S, dd, x + L), a1);
                a2 = s.fma(FloatVector.fromArray(S, dd, x + 2 * L), a2);
                a3 = s.fma(FloatVector.fromArray(S, dd, x + 3 * L), a3);
            }
            for (; q < q1; q++) {
                FloatVector t = FloatVector.broadcast(S, scaled[q]);
                int y = dOff + offset[q];
                b0 = t.fma(FloatVector.fromArray(S, dd, y), b0);
                b1 = t.fma(FloatVector.fromArray(S, dd, y + L), b1);
                b2 = t.fma(FloatVector.fromArray(S, dd, y + 2 * L), b2);
                b3 = t.fma(FloatVector.fromArray(S, dd, y + 3 * L), b3);
            }
            a0.intoArray(wd, o);
            a1.intoArray(wd, o + L);
            a2.intoArray(wd, o + 2 * L);
            a3.intoArray(wd, o + 3 * L);
            if (pair) {
                b0.intoArray(wd, o2);
                b1.intoArray(wd, o2 + L);
                b2.intoArray(wd, o2 + 2 * L);
                b3.intoArray(wd, o2 + 3 * L);
            }
        }
    }

    /** The chains of columns {@code [j, j + 8L)} of every row of C, chunk by chunk of B's rows (see {@link #columnsOuter}). */
    private static void chunked(int outRows, int[] start, int[] idx, Scratch sc, Matrix b, float beta, Matrix c, int j, int[] cursor) {
        float[] scaled = sc.scaled;
        int[] offset = sc.offsets;
        float[] bd = b.array();
        int bo = b.offset() + j;
        float[] cd = c.array();
        int last = 0;
        for (int r = 0; r < outRows; r++) {
            int o = c.offset() + r * c.stride() + j;
            if (beta == 0f) {
                java.util.Arrays.fill(cd, o, o + 8 * L, 0f);
            } else if (beta != 1f) {
                for (int v = 0; v < 8 * L; v += L) {
                    FloatVector.fromArray(S, cd, o + v).mul(beta).intoArray(cd, o + v);
                }
            }
            cursor[r] = start[r];
            if (start[r + 1] > start[r]) {
                last = Math.max(last, idx[start[r + 1] - 1]);
            }
        }
        for (int p1 = CHUNK; p1 - CHUNK <= last; p1 += CHUNK) {
            for (int r = 0; r < outRows; r++) {
                int k = cursor[r];
                int k1 = start[r + 1];
                if (k == k1 || idx[k] >= p1) {
                    continue;
                }
                int o = c.offset() + r * c.stride() + j;
                FloatVector a0 = FloatVector.fromArray(S, cd, o);
                FloatVector a1 = FloatVector.fromArray(S, cd, o + L);
                FloatVector a2 = FloatVector.fromArray(S, cd, o + 2 * L);
                FloatVector a3 = FloatVector.fromArray(S, cd, o + 3 * L);
                FloatVector a4 = FloatVector.fromArray(S, cd, o + 4 * L);
                FloatVector a5 = FloatVector.fromArray(S, cd, o + 5 * L);
                FloatVector a6 = FloatVector.fromArray(S, cd, o + 6 * L);
                FloatVector a7 = FloatVector.fromArray(S, cd, o + 7 * L);
                for (; k < k1 && idx[k] < p1; k++) {
                    FloatVector s = FloatVector.broadcast(S, scaled[k]);
                    int base = bo + offset[k];
                    a0 = s.fma(FloatVector.fromArray(S, bd, base), a0);
                    a1 = s.fma(FloatVector.fromArray(S, bd, base + L), a1);
                    a2 = s.fma(FloatVector.fromArray(S, bd, base + 2 * L), a2);
                    a3 = s.fma(FloatVector.fromArray(S, bd, base + 3 * L), a3);
                    a4 = s.fma(FloatVector.fromArray(S, bd, base + 4 * L), a4);
                    a5 = s.fma(FloatVector.fromArray(S, bd, base + 5 * L), a5);
                    a6 = s.fma(FloatVector.fromArray(S, bd, base + 6 * L), a6);
                    a7 = s.fma(FloatVector.fromArray(S, bd, base + 7 * L), a7);
                }
                cursor[r] = k;
                a0.intoArray(cd, o);
                a1.intoArray(cd, o + L);
                a2.intoArray(cd, o + 2 * L);
                a3.intoArray(cd, o + 3 * L);
                a4.intoArray(cd, o + 4 * L);
                a5.intoArray(cd, o + 5 * L);
                a6.intoArray(cd, o + 6 * L);
                a7.intoArray(cd, o + 7 * L);
            }
        }
    }

    /** Same chains as {@link #rowsOuter}, accumulated in place in the row of C, one row of B after the other. */
    private static void rowwise(int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
                                Matrix c, int j0, int j1) {
        float[] bd = b.array();
        int bo = b.offset();
        int bs = b.stride();
        float[] cd = c.array();
        int bound = j0 + S.loopBound(j1 - j0);
        for (int r = 0; r < outRows; r++) {
            int row = c.offset() + r * c.stride();
            for (int j = j0; j < j1; j++) {
                cd[row + j] = init(beta, cd[row + j]);
            }
            for (int k = start[r]; k < start[r + 1]; k++) {
                float v = alpha * val[k];
                int brow = bo + idx[k] * bs;
                int j = j0;
                FloatVector s = FloatVector.broadcast(S, v);
                for (; j < bound; j += L) {
                    s.fma(FloatVector.fromArray(S, bd, brow + j), FloatVector.fromArray(S, cd, row + j)).intoArray(cd, row + j);
                }
                for (; j < j1; j++) {
                    cd[row + j] = Math.fma(v, bd[brow + j], cd[row + j]);
                }
            }
        }
    }
}
