package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/** {@link Backprop}: {@code Δh_{l−1} = W_lᵀ δ_l}, in batch form {@code Δ_{l−1} = Δ_l W_l = Δ_l (W_lᵀ)ᵀ} (PAPER §1.3, §1.6). */
final class BackpropEngine extends ChainEngine {
    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        la.gemm(Op.N, Op.T, 1f, deltaL, m.wt[l], 0f, out); // Δh_BP = Wᵀe
    }
}
