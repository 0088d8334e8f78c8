package org.fa4j.core.rule;

import java.util.Objects;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Matrix;

/**
 * Direct feedback alignment (Nøkland 2016, "Direct Feedback Alignment Provides Learning in Deep Neural Networks",
 * NeurIPS): every hidden layer receives the <em>output</em> delta directly through its own fixed random matrix,
 * {@code δ_h = (D_h δ_y) ∘ f'(a_h)}, instead of the delta of the layer above (feedback alignment, PAPER §1.6). The
 * output layer learns with {@code δ_y} as in every rule.
 *
 * <p>{@code D_h} has shape {@code units_h × outputs} and is kept as the model's feedback matrix of layer {@code h + 1}
 * ({@link org.fa4j.core.Model#feedback(int) feedback(h + 1)}: the matrix that carries the error down to layer {@code h}). The
 * matrices are drawn once from the {@link SeedStream#FEEDBACK} stream with {@code feedbackInit}, layer by layer from
 * the bottom, exactly as feedback alignment draws its {@code B_l}; so with one hidden layer ({@code D_0 = B_1}) the two
 * rules are the same algorithm and give bit-identical runs for the same seed.
 *
 * <p>Whole-network rule: it is not a {@link Layerwise} pathway, because its hidden updates do not pass layer by layer.
 * The {@link org.fa4j.core.Diagnostics} feedback signal is defined for the top hidden layer only (for lower layers {@code D_h} does
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

    /** Reads {@code direct-feedback-alignment} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("direct-feedback-alignment", p -> new DirectFeedbackAlignment(p.init("feedbackInit")));
    }

    @Override
    public String name() {
        return "direct-feedback-alignment";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).build();
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }

    /**
     * {@code D_{l−1}} is {@code units_{l−1} × outputs}, drawn like feedback alignment's {@code B_l} (same fans, same
     * order), so that with one hidden layer DFA and FA draw the same matrix.
     */
    @Override
    public void drawFeedback(FeedbackSetup setup) {
        int below = setup.spec().units(setup.layer() - 1);
        int outputs = setup.spec().outputs();
        setup.setFeedback(setup.draw(feedbackInit, below, outputs, outputs, below));
    }

    @Override
    public void checkFeedback(NetworkSpec spec, int layer, Matrix feedback) {
        RandomFeedbackRule.requireShape(this, layer, feedback, spec.units(layer - 1), spec.outputs());
    }

    @Override
    public RuleEngine engine(RuleContext context) {
        return DirectFeedbackAlignment::backward;
    }

    /** {@code Δ_h = Δ_y D_hᵀ} for every hidden layer {@code h}, then {@code δ_h = Δh_h ∘ f'_h(a_h)}. */
    private static void backward(StepState s) {
        int top = s.depth() - 1;
        Matrix deltaY = s.delta(top);
        for (int h = top - 1; h >= 0; h--) {
            Feedback.sendThrough(s, h + 1, deltaY, s.delta(h)); // Δh = D_h δ_y (output delta, not δ_{h+1})
            s.timesDerivative(h);
        }
    }
}
