package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * A rule that passes the error down layer by layer: {@code δ_{l−1} = Δh_{l−1} ∘ f'_{l−1}(a_{l−1})} with
 * {@code Δh_{l−1}} given by {@link #sendDown} (PAPER §1.6–1.7). Backprop, feedback alignment and pseudobackprop are
 * chain rules; {@link Layerwise} mixes them per layer.
 */
abstract class ChainEngine extends RuleEngine {

    /**
     * {@code out = Δh_{l−1}} in batch form ({@code batch × units_{l−1}}): the update layer {@code l} sends down from
     * {@code deltaL = δ_l} ({@code batch × units_l}).
     */
    abstract void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la);

    @Override
    void backward(Model m, Workspace ws, Linalg la) {
        for (int l = ws.delta.length - 1; l >= 1; l--) {
            sendDown(m, l, ws.delta[l], ws.delta[l - 1], la);
            applyDerivative(m, ws, l - 1, la);
        }
    }

    /** {@code δ_h ∘= f'_h(a_h)}, from the activation {@code h}, in one pass; nothing for a linear layer. */
    static void applyDerivative(Model m, Workspace ws, int h, Linalg la) {
        m.spec().layers().get(h).activation().timesDerivative(la, ws.act[h], ws.delta[h]);
    }
}
