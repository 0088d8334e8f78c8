package org.fa4j.datasets;

/**
 * The names of a run's independent random streams; {@link Seeds#random(long, SeedStream)} gives each its own generator
 * derived from the run's seed (this enum only names a stream). Keeping the streams apart is what lets a backprop run
 * and a feedback-alignment run see the very same data order and initial forward weights (the paper's
 * protocol, PAPER §2.1: "The sequence of data points learned on was also fixed for each algorithm").
 */
public enum SeedStream {
    /** The order in which training examples are visited. */
    DATA_ORDER,
    /** Initial forward weights and their sparsity masks. */
    FORWARD_INIT,
    /** Feedback matrices {@code B} and their sparsity masks. */
    FEEDBACK,
    /** Node-perturbation noise. */
    PERTURBATION,
    /**
     * Randomness of rules whose feedback changes during training: the per-batch magnitudes of sign symmetry (brSF) and
     * the weight-mirror noise. Appended last so that the seeds of the other streams do not move.
     */
    FEEDBACK_LEARNING
}
