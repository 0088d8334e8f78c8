package org.fa4j.core.rule;

import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/** What the rules that keep a feedback matrix {@code B_l} per layer share: sending the error down through it. */
final class Feedback {
    private Feedback() {
    }

    /** {@code out = δ_l B_lᵀ}, the batch form of {@code Δh_{l−1} = B_l δ_l} (eq. (2), PAPER §1.6). */
    static void sendThrough(StepState s, int layer, Matrix deltaAbove, Matrix out) {
        s.linalg().gemm(Op.N, Op.T, 1f, deltaAbove, s.feedback(layer), 0f, out);
    }
}
