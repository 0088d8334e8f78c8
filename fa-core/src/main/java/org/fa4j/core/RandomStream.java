package org.fa4j.core;

/**
 * The independent random streams of a run, each derived from one seed by {@link Seeds}. Keeping them apart is what
 * lets a backprop run and a feedback-alignment run see the very same data order and initial forward weights (the
 * paper's protocol, PAPER §2.1: "The sequence of data points learned on was also fixed for each algorithm").
 */
public enum RandomStream {
    /** The order in which training examples are visited. */
    DATA_ORDER,
    /** Initial forward weights and their sparsity masks. */
    FORWARD_INIT,
    /** Feedback matrices {@code B} and their sparsity masks. */
    FEEDBACK,
    /** Node-perturbation noise. */
    PERTURBATION
}
