package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/** {@link FeedbackAlignment}: {@code Δh_{l−1} = B_l δ_l}, in batch form {@code Δ_{l−1} = Δ_l B_lᵀ} (eq. (2), §1.6). */
final class FeedbackAlignmentEngine extends ChainEngine {
    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        la.gemm(Op.N, Op.T, 1f, deltaL, m.fb[l], 0f, out); // eq. (2): Δh_FA = B e
    }
}
