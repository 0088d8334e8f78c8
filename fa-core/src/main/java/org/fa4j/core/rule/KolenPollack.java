package org.fa4j.core.rule;

import java.util.Objects;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Kolen–Pollack learning (Kolen &amp; Pollack 1994, "Backpropagation without weight transport", ICNN; as used for deep
 * networks by Akrout, Wilson, Humphreys, Lillicrap &amp; Tweed 2019, "Deep Learning without Weight Transport",
 * NeurIPS): the feedback matrix {@code B_l} (shape of {@code W_lᵀ}, used like feedback alignment's,
 * {@code Δh_{l−1} = B_l δ_l}) receives the transpose of the forward update and the same weight decay,
 * <pre>
 *   W_l ← (1 − η(α + λ)) W_l + η δ_lᵀ h_{l−1}
 *   B_l ← (1 − η(α + λ)) B_l + η h_{l−1}ᵀ δ_l          (ΔB_l = ΔW_lᵀ)
 * </pre>
 * where α is the training config's weight decay and λ ({@link #decay()}) the rule's own, which the trainer adds to α
 * through {@link #extraWeightDecay()} (Akrout et al.: {@code ΔW = −η_W δ yᵀ − λW}, {@code ΔB = −η_W y δᵀ − λB},
 * where their {@code δ} is the gradient and ours its negative, and their λ is {@code η(α + λ)} here). Both updates
 * use only quantities local to each synapse, and their difference obeys
 * {@code W_l − B_lᵀ ← (1 − η(α + λ))(W_l − B_lᵀ)}: it decays geometrically, so {@code B_l → W_lᵀ} and the rule becomes
 * backprop. With {@code α + λ = 0} the difference stays constant, but the shared increments come to dominate it and
 * {@code B} still aligns with {@code Wᵀ}.
 *
 * <p>{@code B_l} starts random, drawn once from {@link SeedStream#FEEDBACK} with {@code feedbackInit} as in feedback
 * alignment. Forward sparsity masks are not applied to {@code B}. Biases have no feedback counterpart. Also usable as
 * one layer's pathway in {@link Layerwise} (e.g. Kolen–Pollack at the top, feedback alignment below).
 *
 * @param feedbackInit how the initial entries of {@code B} are drawn
 * @param decay        λ, the decay of {@code W} and {@code B} per unit η added to the config's α (≥ 0; 0 by default)
 */
public record KolenPollack(Init feedbackInit, double decay) implements RandomFeedbackRule {

    /** Checks the values. */
    public KolenPollack {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("kolen-pollack decay λ must be finite and >= 0, got " + decay);
        }
    }

    /** Initial {@code B} drawn with {@code feedbackInit}, no decay of the rule's own (λ = 0). */
    public KolenPollack(Init feedbackInit) {
        this(feedbackInit, 0);
    }

    /** Initial {@code B ~ U[−β, β]}, λ = 0. */
    public static KolenPollack uniform(double beta) {
        return new KolenPollack(Init.uniform(beta));
    }

    /** This rule with decay λ (Akrout et al. 2019 decay both W and B). */
    public KolenPollack withDecay(double lambda) {
        return new KolenPollack(feedbackInit, lambda);
    }

    /** Reads {@code kolen-pollack} from model files; a file without {@code decay} means λ = 0. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("kolen-pollack", p -> new KolenPollack(p.init("feedbackInit"),
                p.has("decay") ? p.number("decay") : 0));
    }

    @Override
    public double extraWeightDecay() {
        return decay;
    }

    @Override
    public String name() {
        return "kolen-pollack";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).put("decay", decay).build();
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(context.firstLayer(), context.lastLayer());
    }

    /**
     * Sends through {@code B_l}; after the forward update, {@code B_l ← decay·B_l + η h_{l−1}ᵀ δ_l} with the trainer's
     * own {@code decay = 1 − η(α + λ)} (rounded to float exactly as for {@code W}), so that {@code ΔB_l = ΔW_lᵀ}.
     */
    private record Engine(int from, int to) implements PathwayEngine {
        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            Feedback.sendThrough(s, layer, deltaAbove, out); // Δh = B δ
        }

        @Override
        public void afterUpdate(StepState s) {
            for (int l = from; l <= to; l++) {
                s.linalg().gemm(Op.T, Op.N, s.learningRate(), s.input(l), s.delta(l), s.decay(), s.feedback(l)); // ΔB_l = ΔW_lᵀ
            }
        }
    }
}
