package org.fa4j.core;

import org.fa4j.datasets.SeedStream;
import java.util.Objects;

/**
 * Feedback alignment (Lillicrap et al. 2014): each hidden layer receives {@code Δh_l = B_{l+1} δ_{l+1}} through a
 * fixed random matrix {@code B_{l+1}} of shape {@code n_l × n_{l+1}} (eq. (2); deeper nets PAPER §1.6:
 * {@code Δh_0 = B_1((B_2 e) ∘ h_1')}). The matrices are drawn once from the {@link SeedStream#FEEDBACK} stream with
 * {@code feedbackInit} (the paper: {@code U[−β, β]}), with a fraction {@code sparsity} of their entries removed for
 * good (PAPER §2.3, sparse FA), and never change.
 *
 * @param feedbackInit how the entries of {@code B} are drawn
 * @param sparsity     fraction of the entries of every {@code B} removed, in {@code [0, 1)}
 */
public record FeedbackAlignment(Init feedbackInit, double sparsity) implements LearningRule {

    /** Checks the values. */
    public FeedbackAlignment {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
    }

    /** Dense {@code B ~ U[−β, β]}. */
    public static FeedbackAlignment uniform(double beta) {
        return new FeedbackAlignment(Init.uniform(beta), 0);
    }

    @Override
    public String name() {
        return "feedback-alignment";
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }
}
