package org.fa4j.analysis;

/**
 * How the update a feedback-alignment network sends to one hidden layer, {@code Δh_FA = B δ}, lines up with the one
 * backprop would send from the same network and error, {@code Δh_BP = Wᵀ δ} (PAPER §1.2, Fig. 2b), measured on a set
 * of examples. {@code (Wᵀδ)·(Bδ) = δᵀ W B δ} is the quantity of condition (1), {@code eᵀWBe > 0} on average.
 *
 * @param hiddenLayer      the hidden layer {@code h} (0 for the first), which receives its update from layer {@code h + 1}
 * @param examples         how many examples were measured
 * @param angle            {@code Δh_FA ∡ Δh_BP} in degrees over all examples (flattened), signed: below 90° means the
 *                         feedback pushes the layer the way backprop would
 * @param meanProduct      the mean over examples of {@code δᵀ W B δ} (condition (1) holds on average when positive)
 * @param fractionPositive the share of examples with {@code δᵀ W B δ > 0}
 */
public record SignalAlignment(int hiddenLayer, int examples, double angle, double meanProduct, double fractionPositive) {
}
