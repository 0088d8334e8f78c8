package org.fa4j.core;

/**
 * A training rule: how the output error is turned into updates of the hidden layers (PAPER §1.3). Rules are
 * immutable values that say <em>what</em> to do; a {@link Trainer} binds one to a {@link Model} and runs it.
 *
 * <p>Every rule updates the output layer the same way, {@code ΔW ∝ δ_y hᵀ} with {@code δ_y = e ∘ f'(a_y)} and
 * {@code e = y* − y}. They differ in the update {@code Δh} sent to each hidden layer (PAPER §1.4: "the update sent to
 * the hidden layer"), which is then multiplied by that layer's own derivative: {@code δ_l = Δh_l ∘ f'(a_l)} (§1.7).
 * <ul>
 *   <li>{@link Backprop}: {@code Δh_l = W_{l+1}ᵀ δ_{l+1}} (the true gradient).</li>
 *   <li>{@link FeedbackAlignment}: {@code Δh_l = B_{l+1} δ_{l+1}} with fixed random {@code B} (eq. (2), §1.6).</li>
 *   <li>{@link Pseudobackprop}: {@code Δh_l = W_{l+1}⁺ δ_{l+1}} (§1.3).</li>
 *   <li>{@link Shallow}: hidden layers do not learn (§1.3).</li>
 *   <li>{@link NodePerturbation}: hidden updates estimated from the loss change under noise (§1.3, Werfel et al.).</li>
 *   <li>{@link Layerwise}: a different feedback pathway per layer (e.g. FA below, BP at the top).</li>
 * </ul>
 * Adding a rule means adding one record here (to {@code permits}), its engine, and its name in the JSON registry.
 */
public sealed interface LearningRule
        permits Backprop, FeedbackAlignment, Pseudobackprop, Shallow, NodePerturbation, Layerwise {

    /** The rule's name in JSON and reports, e.g. {@code feedback-alignment}. */
    String name();

    /** True when the rule keeps feedback matrices {@code B_l} in the model. */
    default boolean usesFeedback() {
        return false;
    }
}
