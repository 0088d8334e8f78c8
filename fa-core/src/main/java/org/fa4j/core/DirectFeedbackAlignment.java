package org.fa4j.core;

import org.fa4j.datasets.SeedStream;
import java.util.Objects;

/**
 * Direct feedback alignment (Nøkland 2016, "Direct Feedback Alignment Provides Learning in Deep Neural Networks",
 * NeurIPS): every hidden layer receives the <em>output</em> delta directly through its own fixed random matrix,
 * {@code δ_h = (D_h δ_y) ∘ f'(a_h)}, instead of the delta of the layer above (feedback alignment, PAPER §1.6). The
 * output layer learns with {@code δ_y} as in every rule.
 *
 * <p>{@code D_h} has shape {@code units_h × outputs} and is kept as the model's feedback matrix of layer {@code h + 1}
 * ({@link Model#feedback(int) feedback(h + 1)}: the matrix that carries the error down to layer {@code h}). The
 * matrices are drawn once from the {@link SeedStream#FEEDBACK} stream with {@code feedbackInit}, layer by layer from
 * the bottom, exactly as feedback alignment draws its {@code B_l}; so with one hidden layer ({@code D_0 = B_1}) the two
 * rules are the same algorithm and give bit-identical runs for the same seed.
 *
 * <p>Whole-network rule: it is not a {@link Layerwise} pathway, because its hidden updates do not pass layer by layer.
 * The {@link Diagnostics} feedback signal is defined for the top hidden layer only (for lower layers {@code D_h} does
 * not have the shape of {@code W_{h+1}ᵀ}).
 *
 * @param feedbackInit how the entries of every {@code D_h} are drawn
 */
public record DirectFeedbackAlignment(Init feedbackInit) implements LearningRule {

    /** Checks the value. */
    public DirectFeedbackAlignment {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
    }

    /** {@code D_h ~ U[−β, β]}. */
    public static DirectFeedbackAlignment uniform(double beta) {
        return new DirectFeedbackAlignment(Init.uniform(beta));
    }

    @Override
    public String name() {
        return "direct-feedback-alignment";
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }
}
