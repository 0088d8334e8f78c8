package org.fa4j.core.rule;

/**
 * The working part of a {@link LearningRule}, bound to one model. Each step the trainer runs the forward pass, sets
 * the output delta {@code δ_y}, calls {@link #beforeBackward} and {@link #backward}, lets listeners look, applies
 * {@code W_l ← (1 − ηα) W_l + η δ_lᵀ h_{l−1}} (and {@code b_l += η Σ δ_l}) to every layer for which {@link #learns}
 * holds, then calls {@link #afterUpdate}.
 *
 * <p>An engine allocates nothing in steady state: buffers that depend on the batch size come from
 * {@link StepState#scratch}, the others are made when the engine is.
 */
public interface RuleEngine {

    /** Called once per step before {@link #backward} (sign symmetry rebuilds {@code B} here). */
    default void beforeBackward(StepState step) {
    }

    /** Fills {@code step.delta(l)} for every learning layer {@code l} below the top; {@code step.delta(top)} is set. */
    void backward(StepState step);

    /** Whether layer {@code layer}'s weights and bias change. */
    default boolean learns(int layer, int depth) {
        return true;
    }

    /**
     * Called after the forward parameters were updated with {@link StepState#learningRate()} and
     * {@link StepState#decay()} (Kolen–Pollack applies the same update to {@code B}; weight mirrors take a mirror step).
     */
    default void afterUpdate(StepState step) {
    }
}
