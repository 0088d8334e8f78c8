package org.fa4j.core.rule;

import org.fa4j.simd.Matrix;

/** The engine of a {@link PathwayRule}: it says what each layer sends down; the chain is the same for all. */
public interface PathwayEngine extends RuleEngine {

    /**
     * {@code out = Δh_{l−1}} in batch form ({@code batch × units_{l−1}}): the update layer {@code layer} sends down
     * from {@code deltaAbove = δ_l} ({@code batch × units_l}).
     */
    void sendDown(StepState step, int layer, Matrix deltaAbove, Matrix out);

    /** For {@code l} from the top down to 1: {@code δ_{l−1} = sendDown(δ_l) ∘ f'_{l−1}(a_{l−1})}. */
    @Override
    default void backward(StepState step) {
        for (int l = step.depth() - 1; l >= 1; l--) {
            sendDown(step, l, step.delta(l), step.delta(l - 1));
            step.timesDerivative(l - 1);
        }
    }
}
