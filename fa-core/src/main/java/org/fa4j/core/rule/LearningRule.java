package org.fa4j.core.rule;

import org.fa4j.core.NetworkSpec;
import org.fa4j.simd.Matrix;

/**
 * A training rule: how the output error is turned into updates of the hidden layers (PAPER §1.3). A rule is an
 * immutable value that says <em>what</em> to do; {@link #engine(RuleContext)} makes the working part that a
 * {@code Trainer} runs every step.
 *
 * <p>Every rule updates the output layer the same way, {@code ΔW ∝ δ_y hᵀ} with {@code δ_y = e ∘ f'(a_y)} and
 * {@code e = y* − y}. They differ in the update {@code Δh} sent to each hidden layer (PAPER §1.4), which is then
 * multiplied by that layer's own derivative, {@code δ_l = Δh_l ∘ f'(a_l)} (§1.7). The built-in rules: {@link Backprop},
 * {@link FeedbackAlignment}, {@link Pseudobackprop}, {@link Shallow}, {@link NodePerturbation}, {@link Layerwise} (the
 * paper's), and {@link DirectFeedbackAlignment}, {@link SignSymmetry}, {@link KolenPollack}, {@link WeightMirror}
 * (the family that grew from it).
 *
 * <p>Writing a rule: implement this interface (or {@link PathwayRule}, so that it can serve one layer of a
 * {@link Layerwise} rule) as a record, give it a {@link LearningRuleProvider} that reads it back from its
 * {@link #parameters()}, and declare the provider in your {@code module-info.java}:
 * {@code provides org.fa4j.core.rule.LearningRuleProvider with my.Rule;} where {@code my.Rule} has
 * {@code public static LearningRuleProvider provider()}. A model created with the rule then trains, saves and loads
 * like one with a built-in rule. The rule reads and writes the network only through {@link StepState},
 * {@link RuleContext} and {@link FeedbackSetup}.
 */
public interface LearningRule {

    /** The rule's name in model files and reports, e.g. {@code feedback-alignment}; its provider has the same name. */
    String name();

    /** The rule's settings as the model file stores them (without its name); empty for a rule without settings. */
    default Parameters parameters() {
        return Parameters.empty();
    }

    /**
     * The weight decay λ this rule adds to the training config's α on every layer: the trainer then updates
     * {@code W ← (1 − η_t(α + λ))W + …} and hands the same factor to the rule as {@link StepState#decay()}. It is a
     * hyperparameter of the rule (Kolen–Pollack's λ, which also decays {@code B}); 0 for the other built-in rules.
     */
    default double extraWeightDecay() {
        return 0;
    }

    /** True when the rule keeps feedback matrices {@code B_l} in the model. */
    default boolean usesFeedback() {
        return false;
    }

    /** Throws {@link IllegalArgumentException} unless the rule can train a network of this architecture. */
    default void checkNetwork(NetworkSpec spec) {
    }

    /**
     * Draws the feedback matrix of one layer of a new model, if the rule keeps one. Called for layers
     * {@code 1 .. depth − 1} in order, all with the same random stream, so the draws of one layer follow those of
     * the layer below.
     */
    default void drawFeedback(FeedbackSetup setup) {
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code feedback} (the model's matrix for {@code layer}, or null)
     * is what the rule needs there; run when a model is created or loaded.
     */
    default void checkFeedback(NetworkSpec spec, int layer, Matrix feedback) {
    }

    /** The working part of this rule, bound to one model and one training run. */
    RuleEngine engine(RuleContext context);
}
