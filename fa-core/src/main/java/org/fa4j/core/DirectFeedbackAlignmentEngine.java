package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link DirectFeedbackAlignment}: {@code Δh_h = D_h δ_y} for every hidden layer {@code h}, in batch form
 * {@code Δ_h = Δ_y D_hᵀ}, then {@code δ_h = Δh_h ∘ f'_h(a_h)} (Nøkland 2016: {@code δa_i = (B_i e) ⊙ f'(a_i)}).
 */
final class DirectFeedbackAlignmentEngine extends RuleEngine {
    @Override
    void backward(Model m, Workspace ws, Linalg la) {
        int top = ws.delta.length - 1;
        Matrix deltaY = ws.delta[top];
        for (int h = top - 1; h >= 0; h--) {
            la.gemm(Op.N, Op.T, 1f, deltaY, m.fb[h + 1], 0f, ws.delta[h]); // Δh = D_h δ_y (output delta, not δ_{h+1})
            ChainEngine.applyDerivative(m, ws, h, la);
        }
    }
}
