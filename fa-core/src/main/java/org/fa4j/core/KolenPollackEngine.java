package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link KolenPollack}: feedback-alignment backward pass through {@code B_l}; after the forward update,
 * {@code B_l ← decay·B_l + η h_{l−1}ᵀ δ_l} with the trainer's own {@code decay = 1 − ηα} (rounded to float exactly as
 * for {@code W}), so that {@code ΔB_l = ΔW_lᵀ}.
 */
final class KolenPollackEngine extends ChainEngine {
    private final int from;
    private final int to;

    /** Keeps {@code B_l} for layers {@code from..to} (all layers above the first, or one layer's pathway). */
    KolenPollackEngine(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        la.gemm(Op.N, Op.T, 1f, deltaL, m.fb[l], 0f, out); // Δh = B δ
    }

    @Override
    void afterUpdate(Model m, Workspace ws, Linalg la, float eta, float decay) {
        for (int l = from; l <= to; l++) {
            la.gemm(Op.T, Op.N, eta, ws.input(l), ws.delta[l], decay, m.fb[l]); // ΔB_l = ΔW_lᵀ, same decay
        }
    }
}
