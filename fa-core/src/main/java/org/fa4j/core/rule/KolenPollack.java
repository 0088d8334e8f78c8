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
public record KolenPollack(Init feedbackInit) implements RandomFeedbackRule {

    /** Checks the value. */
    public KolenPollack {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
    }

    /** Initial {@code B ~ U[−β, β]}. */
    public static KolenPollack uniform(double beta) {
        return new KolenPollack(Init.uniform(beta));
    }

    /** Reads {@code kolen-pollack} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("kolen-pollack", p -> new KolenPollack(p.init("feedbackInit")));
    }

    @Override
    public String name() {
        return "kolen-pollack";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).build();
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(context.firstLayer(), context.lastLayer());
    }

    /**
     * Sends through {@code B_l}; after the forward update, {@code B_l ← decay·B_l + η h_{l−1}ᵀ δ_l} with the trainer's
     * own {@code decay = 1 − ηα} (rounded to float exactly as for {@code W}), so that {@code ΔB_l = ΔW_lᵀ}.
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
