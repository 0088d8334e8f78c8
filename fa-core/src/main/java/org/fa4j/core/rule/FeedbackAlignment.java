package org.fa4j.core.rule;

import java.util.Objects;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Matrix;

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
public record FeedbackAlignment(Init feedbackInit, double sparsity) implements RandomFeedbackRule {

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

    /** Reads {@code feedback-alignment} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("feedback-alignment", p -> new FeedbackAlignment(p.init("feedbackInit"), p.number("sparsity")));
    }

    @Override
    public String name() {
        return "feedback-alignment";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).put("sparsity", sparsity).build();
    }

    /** {@code B_l} is {@code units_{l−1} × units_l}: it maps layer {@code l}'s error to layer {@code l − 1}. */
    @Override
    public void drawFeedback(FeedbackSetup setup) {
        Matrix b = setup.drawLikeWeightsTransposed(feedbackInit);
        setup.setFeedback(b);
        if (sparsity > 0) {
            setup.setFeedbackMask(Init.removalMask(b.rows(), b.cols(), sparsity, setup.random()));
        }
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return Feedback::sendThrough; // eq. (2): Δh_FA = B e
    }
}
