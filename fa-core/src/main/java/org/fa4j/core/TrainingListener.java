package org.fa4j.core;

/**
 * Watches training. Every method has a no-op default; implement the ones you need. Ready-made listeners:
 * {@link ProgressListener} and {@link MetricsJsonListener}.
 *
 * <p>{@link #onStep} runs after the error and every delta of the step are known and <em>before</em> the weights
 * change, so {@link StepContext#diagnostics()} sees the weights that produced the error (as the paper's angle
 * measurements need, PAPER §1.4). The context object is reused: read from it during the call, do not keep it.
 */
public interface TrainingListener {

    /** After the backward pass of each step, before the update. */
    default void onStep(StepContext step) {
    }

    /** After each epoch. */
    default void onEpoch(EpochSummary epoch) {
    }

    /** After {@link Trainer#fit} finished. */
    default void onEnd(TrainingSummary summary) {
    }
}
