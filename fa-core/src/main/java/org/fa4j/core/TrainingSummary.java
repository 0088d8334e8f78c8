package org.fa4j.core;

import java.util.List;

/**
 * The result of {@link Trainer#fit}.
 *
 * @param epochs  the per-epoch summaries
 * @param steps   total updates made by the trainer
 * @param nanos   wall time of the whole fit
 */
public record TrainingSummary(List<EpochSummary> epochs, long steps, long nanos) {
    /** Copies the list. */
    public TrainingSummary {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's mean training loss, or NaN if no epoch ran. */
    public double finalLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.getLast().meanLoss();
    }
}
