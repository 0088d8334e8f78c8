package org.fa4j.core;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer 0 with a sparse input (MNIST: ~81% of pixels are 0): a compressed-row forward product and a compressed-column
 * weight update against the input-major {@code W_0ᵀ}, register-blocked over 4 vectors of output units so the block
 * of {@code W_0ᵀ} (or of {@code δ}) stays in cache across the batch. Skipping zero inputs is exact: each element is the
 * same sum without its {@code 0·w} terms (for finite weights).
 *
 * <p>Every output element is one chain of fused multiply-adds in ascending input (forward) or example (update) order,
 * in both the vector and the scalar path, so the two paths agree bit for bit and results do not depend on threads.
 */
final class SparseKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SparseKernels() {
    }

    /**
     * {@code h(i, j) = Σ_k vals[k] · wt(colIdx[k], j)} over {@code k ∈ [rowStart[i], rowStart[i+1])}, for all rows
     * {@code i < batch} and units {@code j < n}.
     */
    static void forward(boolean vector, int batch, int[] rowStart, int[] colIdx, float[] vals, float[] wt, int wo, int ws, int n,
                        float[] h, int ho, int hs) {
        if (batch <= ROWWISE_MAX_BATCH) {
            forwardRowwise(vector, batch, rowStart, colIdx, vals, wt, wo, ws, n, h, ho, hs);
            return;
        }
        int j0 = 0;
        if (vector) {
            for (; j0 + 4 * L <= n; j0 += 4 * L) {
                for (int i = 0; i < batch; i++) {
                    FloatVector a0 = FloatVector.zero(S);
                    FloatVector a1 = a0;
                    FloatVector a2 = a0;
                    FloatVector a3 = a0;
                    for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                        FloatVector s = FloatVector.broadcast(S, vals[k]);
                        int base = wo + colIdx[k] * ws + j0;
                        a0 = s.fma(FloatVector.fromArray(S, wt, base), a0);
                        a1 = s.fma(FloatVector.fromArray(S, wt, base + L), a1);
                        a2 = s.fma(FloatVector.fromArray(S, wt, base + 2 * L), a2);
                        a3 = s.fma(FloatVector.fromArray(S, wt, base + 3 * L), a3);
                    }
                    int o = ho + i * hs + j0;
                    a0.intoArray(h, o);
                    a1.intoArray(h, o + L);
                    a2.intoArray(h, o + 2 * L);
                    a3.intoArray(h, o + 3 * L);
                }
            }
            for (; j0 + L <= n; j0 += L) {
                for (int i = 0; i < batch; i++) {
                    FloatVector a0 = FloatVector.zero(S);
                    for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                        a0 = FloatVector.broadcast(S, vals[k]).fma(FloatVector.fromArray(S, wt, wo + colIdx[k] * ws + j0), a0);
                    }
                    a0.intoArray(h, ho + i * hs + j0);
                }
            }
        }
        for (int i = 0; i < batch; i++) {
            for (int j = j0; j < n; j++) {
                float a = 0f;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    a = Math.fma(vals[k], wt[wo + colIdx[k] * ws + j], a);
                }
                h[ho + i * hs + j] = a;
            }
        }
    }

    /** Up to this batch size the forward product streams whole rows of W_0ᵀ (prefetch-friendly) into h in L1. */
    static final int ROWWISE_MAX_BATCH = 4;

    /** Same sums as the blocked forward (one fma chain per element, ascending k), row of W_0ᵀ by row. */
    private static void forwardRowwise(boolean vector, int batch, int[] rowStart, int[] colIdx, float[] vals, float[] wt, int wo, int ws, int n,
                                       float[] h, int ho, int hs) {
        int bound = vector ? S.loopBound(n) : 0;
        for (int i = 0; i < batch; i++) {
            int hi = ho + i * hs;
            java.util.Arrays.fill(h, hi, hi + n, 0f);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                float v = vals[k];
                int row = wo + colIdx[k] * ws;
                int j = 0;
                if (vector) {
                    FloatVector s = FloatVector.broadcast(S, v);
                    for (; j < bound; j += L) {
                        s.fma(FloatVector.fromArray(S, wt, row + j), FloatVector.fromArray(S, h, hi + j)).intoArray(h, hi + j);
                    }
                }
                for (; j < n; j++) {
                    h[hi + j] = Math.fma(v, wt[row + j], h[hi + j]);
                }
            }
        }
    }

    /**
     * {@code wt(p, j) += Σ_k (eta · vals[k]) · delta(rowIdx[k], j)} over {@code k ∈ [colStart[p], colStart[p+1])},
     * in ascending k, for all inputs {@code p < inputs} and units {@code j < n}.
     */
    static void update(boolean vector, int inputs, int[] colStart, int[] rowIdx, float[] vals, float eta, float[] delta, int dO, int ds,
                       int n, float[] wt, int wo, int ws) {
        // Row p of W_0ᵀ outermost: its 4000 bytes are read and written once, in order; δ stays in cache.
        for (int p = 0; p < inputs; p++) {
            int k0 = colStart[p];
            int k1 = colStart[p + 1];
            if (k0 == k1) {
                continue;
            }
            int row = wo + p * ws;
            int j0 = 0;
            if (vector) {
                for (; j0 + 4 * L <= n; j0 += 4 * L) {
                    int o = row + j0;
                    FloatVector a0 = FloatVector.fromArray(S, wt, o);
                    FloatVector a1 = FloatVector.fromArray(S, wt, o + L);
                    FloatVector a2 = FloatVector.fromArray(S, wt, o + 2 * L);
                    FloatVector a3 = FloatVector.fromArray(S, wt, o + 3 * L);
                    for (int k = k0; k < k1; k++) {
                        FloatVector s = FloatVector.broadcast(S, eta * vals[k]);
                        int base = dO + rowIdx[k] * ds + j0;
                        a0 = s.fma(FloatVector.fromArray(S, delta, base), a0);
                        a1 = s.fma(FloatVector.fromArray(S, delta, base + L), a1);
                        a2 = s.fma(FloatVector.fromArray(S, delta, base + 2 * L), a2);
                        a3 = s.fma(FloatVector.fromArray(S, delta, base + 3 * L), a3);
                    }
                    a0.intoArray(wt, o);
                    a1.intoArray(wt, o + L);
                    a2.intoArray(wt, o + 2 * L);
                    a3.intoArray(wt, o + 3 * L);
                }
                for (; j0 + L <= n; j0 += L) {
                    int o = row + j0;
                    FloatVector a0 = FloatVector.fromArray(S, wt, o);
                    for (int k = k0; k < k1; k++) {
                        a0 = FloatVector.broadcast(S, eta * vals[k]).fma(FloatVector.fromArray(S, delta, dO + rowIdx[k] * ds + j0), a0);
                    }
                    a0.intoArray(wt, o);
                }
            }
            for (int j = j0; j < n; j++) {
                float a = wt[row + j];
                for (int k = k0; k < k1; k++) {
                    a = Math.fma(eta * vals[k], delta[dO + rowIdx[k] * ds + j], a);
                }
                wt[row + j] = a;
            }
        }
    }
}
