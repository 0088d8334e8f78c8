package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sparse × dense kernels behind {@link Linalg#gemmSparse} and {@link Linalg#gemmSparseTransA}. Both are one
 * operation on a compressed index: output row {@code r} of C, columns {@code j0 ≤ j < j1}, is
 *
 * <pre>{@code c(r, j) ← fma chain over k ∈ [start[r], start[r+1]) ascending of (alpha · val[k]) · b(idx[k], j),
 *                   starting from 0 (beta = 0), c(r, j) (beta = 1) or beta · c(r, j)}</pre>
 *
 * <p>The forward product uses the row-compressed index of A (rows of C = rows of A); the weight update uses the
 * column-compressed one (rows of W = columns of A). Every element is that one chain on both paths (the vector lanes
 * and {@link Math#fma} round alike), whichever loop order, block or thread computes it, so the vector and scalar paths
 * agree bit for bit and results do not depend on how columns are split between threads. Skipping the zeros of A is
 * exact: the chain is the dense one without its {@code 0·b} terms (for finite b).
 */
final class SparseKernels {
    private static final VectorSpecies<Float> S = VectorKernels.SPECIES;
    private static final int L = S.length();

    /** Up to this many output rows, {@link #columnsOuter} streams whole rows of B into the output row (kept in L1). */
    static final int ROWWISE_MAX_ROWS = 4;

    private SparseKernels() {
    }

    /** The chain's start: 0, c or beta·c (rounded as the vector lanes round it). */
    private static float init(float beta, float c) {
        return beta == 0f ? 0f : beta == 1f ? c : beta * c;
    }

    /**
     * Output rows in order, each in column blocks: the row of C is read and written once. For the weight update (the
     * rows of W of zero inputs are skipped when {@code beta == 1}, where the chain is empty and changes nothing).
     */
    static void rowsOuter(boolean vector, int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
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
            if (vector) {
                for (; j + 8 * L <= j1; j += 8 * L) {
                    int o = row + j;
                    FloatVector a0;
                    FloatVector a1;
                    FloatVector a2;
                    FloatVector a3;
                    FloatVector a4;
                    FloatVector a5;
                    FloatVector a6;
                    FloatVector a7;
                    if (beta == 0f) {
                        a0 = FloatVector.zero(S);
                        a1 = a0;
                        a2 = a0;
                        a3 = a0;
                        a4 = a0;
                        a5 = a0;
                        a6 = a0;
                        a7 = a0;
                    } else {
                        a0 = FloatVector.fromArray(S, cd, o);
                        a1 = FloatVector.fromArray(S, cd, o + L);
                        a2 = FloatVector.fromArray(S, cd, o + 2 * L);
                        a3 = FloatVector.fromArray(S, cd, o + 3 * L);
                        a4 = FloatVector.fromArray(S, cd, o + 4 * L);
                        a5 = FloatVector.fromArray(S, cd, o + 5 * L);
                        a6 = FloatVector.fromArray(S, cd, o + 6 * L);
                        a7 = FloatVector.fromArray(S, cd, o + 7 * L);
                        if (beta != 1f) {
                            a0 = a0.mul(beta);
                            a1 = a1.mul(beta);
                            a2 = a2.mul(beta);
                            a3 = a3.mul(beta);
                            a4 = a4.mul(beta);
                            a5 = a5.mul(beta);
                            a6 = a6.mul(beta);
                            a7 = a7.mul(beta);
                        }
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
                for (; j + L <= j1; j += L) {
                    int o = row + j;
                    FloatVector a0 = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, cd, o);
                    if (beta != 0f && beta != 1f) {
                        a0 = a0.mul(beta);
                    }
                    for (int k = k0; k < k1; k++) {
                        a0 = FloatVector.broadcast(S, alpha * val[k]).fma(FloatVector.fromArray(S, bd, bo + idx[k] * bs + j), a0);
                    }
                    a0.intoArray(cd, o);
                }
            }
            for (; j < j1; j++) {
                float a = init(beta, cd[row + j]);
                for (int k = k0; k < k1; k++) {
                    a = Math.fma(alpha * val[k], bd[bo + idx[k] * bs + j], a);
                }
                cd[row + j] = a;
            }
        }
    }

    /**
     * Column blocks outermost, output rows inside: a block of B (all its rows, 8 vectors wide) stays in cache across
     * the rows of C. For the forward product, where B (the weights) is large and C (a batch) has few rows; up to
     * {@link #ROWWISE_MAX_ROWS} rows it streams whole rows of B instead.
     */
    static void columnsOuter(boolean vector, int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
                             Matrix c, int j0, int j1) {
        if (outRows <= ROWWISE_MAX_ROWS) {
            rowwise(vector, outRows, start, idx, val, alpha, b, beta, c, j0, j1);
            return;
        }
        int j = j0;
        if (vector) {
            // Each 8-vector block of columns on its own: rowsOuter over a one-block range is exactly that loop.
            for (; j + 8 * L <= j1; j += 8 * L) {
                rowsOuter(true, outRows, start, idx, val, alpha, b, beta, c, j, j + 8 * L);
            }
        }
        rowsOuter(vector, outRows, start, idx, val, alpha, b, beta, c, j, j1);
    }

    /** Same chains as {@link #rowsOuter}, accumulated in place in the row of C, one row of B after the other. */
    private static void rowwise(boolean vector, int outRows, int[] start, int[] idx, float[] val, float alpha, Matrix b, float beta,
                                Matrix c, int j0, int j1) {
        float[] bd = b.array();
        int bo = b.offset();
        int bs = b.stride();
        float[] cd = c.array();
        int bound = vector ? j0 + S.loopBound(j1 - j0) : j0;
        for (int r = 0; r < outRows; r++) {
            int row = c.offset() + r * c.stride();
            for (int j = j0; j < j1; j++) {
                cd[row + j] = init(beta, cd[row + j]);
            }
            for (int k = start[r]; k < start[r + 1]; k++) {
                float v = alpha * val[k];
                int brow = bo + idx[k] * bs;
                int j = j0;
                if (vector) {
                    FloatVector s = FloatVector.broadcast(S, v);
                    for (; j < bound; j += L) {
                        s.fma(FloatVector.fromArray(S, bd, brow + j), FloatVector.fromArray(S, cd, row + j)).intoArray(cd, row + j);
                    }
                }
                for (; j < j1; j++) {
                    cd[row + j] = Math.fma(v, bd[brow + j], cd[row + j]);
                }
            }
        }
    }
}
