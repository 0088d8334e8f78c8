package org.fa4j.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reports progress as one line of text per epoch (and optionally every {@code everySteps} steps) to a callback, e.g.
 * {@code new ProgressListener(System.out::println)}. Lines look like
 * {@code epoch 3  steps 180000  loss 0.0123  12.3 s}.
 */
public final class ProgressListener implements TrainingListener {
    private final Consumer<String> sink;
    private final long everySteps;

    /** Reports each epoch. */
    public ProgressListener(Consumer<String> sink) {
        this(sink, 0);
    }

    /** Reports each epoch and, if {@code everySteps > 0}, every {@code everySteps} steps (that line allocates). */
    public ProgressListener(Consumer<String> sink, long everySteps) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (everySteps < 0) {
            throw new IllegalArgumentException("everySteps must be >= 0, got " + everySteps);
        }
        this.everySteps = everySteps;
    }

    @Override
    public void onStep(StepContext step) {
        if (everySteps > 0 && step.step() % everySteps == 0) {
            sink.accept(String.format(java.util.Locale.ROOT, "step %d  batch loss %.6g", step.step(), step.loss() / step.batchSize()));
        }
    }

    @Override
    public void onEpoch(EpochSummary e) {
        sink.accept(String.format(java.util.Locale.ROOT, "epoch %d  steps %d  loss %.6g  %.1f s", e.epoch(), e.steps(), e.meanLoss(),
                e.nanos() / 1e9));
    }

    @Override
    public void onEnd(TrainingSummary s) {
        sink.accept(String.format(java.util.Locale.ROOT, "done: %d epochs, %d steps, %.1f s", s.epochs().size(), s.steps(), s.nanos() / 1e9));
    }
}
