package org.fa4j.core;

import org.fa4j.datasets.SeedStream;
import java.util.Objects;

/**
 * Kolen–Pollack learning (Kolen &amp; Pollack 1994, "Backpropagation without weight transport", ICNN; as used for deep
 * networks by Akrout, Wilson, Humphreys, Lillicrap &amp; Tweed 2019, "Deep Learning without Weight Transport",
 * NeurIPS): the feedback matrix {@code B_l} (shape of {@code W_lᵀ}, used like feedback alignment's,
 * {@code Δh_{l−1} = B_l δ_l}) receives the transpose of the forward update and the same weight decay,
 * <pre>
 *   W_l ← (1 − ηα) W_l + η δ_lᵀ h_{l−1}
 *   B_l ← (1 − ηα) B_l + η h_{l−1}ᵀ δ_l          (ΔB_l = ΔW_lᵀ)
 * </pre>
 * (Akrout et al.: {@code ΔW = −η_W δ yᵀ − λW}, {@code ΔB = −η_W y δᵀ − λB}, where their {@code δ} is the gradient
 * and ours its negative, and {@code λ = ηα} here). Both updates
 * use only quantities local to each synapse, and their difference obeys {@code W_l − B_lᵀ ← (1 − ηα)(W_l − B_lᵀ)}:
 * it decays geometrically, so {@code B_l → W_lᵀ} and the rule becomes backprop. With {@code α = 0} the difference
 * stays constant, but the shared increments come to dominate it and {@code B} still aligns with {@code Wᵀ}.
 *
 * <p>{@code B_l} starts random, drawn once from {@link SeedStream#FEEDBACK} with {@code feedbackInit} as in feedback
 * alignment. Forward sparsity masks are not applied to {@code B}. Biases have no feedback counterpart. Also usable as
 * one layer's pathway in {@link Layerwise} (e.g. Kolen–Pollack at the top, feedback alignment below).
 *
 * @param feedbackInit how the initial entries of {@code B} are drawn
 */
public record KolenPollack(Init feedbackInit) implements LearningRule {

    /** Checks the value. */
    public KolenPollack {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
    }

    /** Initial {@code B ~ U[−β, β]}. */
    public static KolenPollack uniform(double beta) {
        return new KolenPollack(Init.uniform(beta));
    }

    @Override
    public String name() {
        return "kolen-pollack";
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }
}
