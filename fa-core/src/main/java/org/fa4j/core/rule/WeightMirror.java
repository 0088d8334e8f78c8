package org.fa4j.core.rule;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Weight mirrors (Akrout, Wilson, Humphreys, Lillicrap &amp; Tweed 2019, "Deep Learning without Weight Transport",
 * NeurIPS): the feedback matrix {@code B_l} (shape of {@code W_lᵀ}, used like feedback alignment's,
 * {@code Δh_{l−1} = B_l δ_l}) learns {@code W_lᵀ} in a "mirror mode" in which layer {@code l−1} fires noise and
 * the forward path carries it to layer {@code l}. With {@code ξ} ({@code k × units_{l−1}}, entries
 * {@code N(0, σ²)}) and {@code ξ' = ξ W_lᵀ} ({@code k × units_l}), the mirror update is the Hebbian rule with decay
 * <pre>
 *   B_l ← (1 − λ_B) B_l + η_B ξᵀ ξ'                 (ΔB_{l} = η_B ξ ξ'ᵀ − λ_B B_{l}, summed over the k noise rows)
 * </pre>
 * Since {@code E[ξᵀξ] = kσ² I}, {@code E[ΔB_l] = η_B k σ² W_lᵀ − λ_B B_l}: {@code B_l} relaxes, with time constant
 * {@code 1/λ_B} steps, to {@code c·W_lᵀ}, {@code c = η_B k σ² / λ_B}, and its noise around that point has relative size
 * about {@code √(units_{l−1}·λ_B / (2k))} (our derivation, for small {@code λ_B}).
 *
 * <p>Sources and choices. The paper's mirror rule is the Hebbian product of the noise at layer {@code l−1} and its image at
 * layer {@code l}, whose expectation is proportional to {@code W_lᵀ}; the decay term {@code −λ_B B} is what keeps
 * {@code B} bounded here (the authors' reference code, {@code fcnn/FCNN_WM.py}, instead tries to rescale {@code B}
 * after mirroring). The equation is given in the form above rather than by the paper's number. The noise passes through the linear part of the forward path only (no bias,
 * no nonlinearity: the form of the paper's analysis; the reference code applies the layer's sigmoid), and each layer
 * gets its own fresh i.i.d. noise, as in the reference code. Scheduling: the paper alternates a learning mode and a
 * mirror mode; the reference code mirrors once after every batch update, and so do we — one mirror step of
 * {@code mirrorBatch} noise rows per layer after each training step, with noise from
 * {@link SeedStream#FEEDBACK_LEARNING} of the training seed. The reference code's initial mirror phase before
 * training is not run. {@code B_l} starts random, drawn from {@link SeedStream#FEEDBACK} with {@code feedbackInit}.
 * Also usable as one layer's pathway in {@link Layerwise} (each such layer gets a noise stream of its own).
 *
 * @param feedbackInit how the initial entries of {@code B} are drawn
 * @param mirrorRate   η_B (&gt; 0)
 * @param mirrorDecay  λ_B, in {@code [0, 1)}
 * @param noiseStd     σ of the mirror noise (&gt; 0)
 * @param mirrorBatch  k, noise rows per mirror step (≥ 1)
 */
public record WeightMirror(Init feedbackInit, double mirrorRate, double mirrorDecay, double noiseStd, int mirrorBatch)
        implements RandomFeedbackRule {

    /** Checks the values. */
    public WeightMirror {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
        if (!(mirrorRate > 0) || Double.isInfinite(mirrorRate)) {
            throw new IllegalArgumentException("mirrorRate must be finite and > 0, got " + mirrorRate);
        }
        if (!(mirrorDecay >= 0 && mirrorDecay < 1)) {
            throw new IllegalArgumentException("mirrorDecay must be in [0, 1), got " + mirrorDecay);
        }
        if (!(noiseStd > 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be finite and > 0, got " + noiseStd);
        }
        if (mirrorBatch < 1) {
            throw new IllegalArgumentException("mirrorBatch must be >= 1, got " + mirrorBatch);
        }
    }

    /**
     * Initial {@code B ~ U[−β, β]}, σ = 1, one noise row per step and {@code η_B = λ_B = rate}, so that {@code B → Wᵀ}
     * ({@code c = 1}) with time constant {@code 1/rate} steps.
     */
    public static WeightMirror uniform(double beta, double rate) {
        return new WeightMirror(Init.uniform(beta), rate, rate, 1, 1);
    }

    /** {@code c = η_B k σ² / λ_B}: {@code B_l} tends to {@code c·W_lᵀ} (infinite without decay). */
    public double mirrorGain() {
        return mirrorRate * mirrorBatch * noiseStd * noiseStd / mirrorDecay;
    }

    /** Reads {@code weight-mirror} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("weight-mirror", p -> new WeightMirror(p.init("feedbackInit"), p.number("mirrorRate"),
                p.number("mirrorDecay"), p.number("noiseStd"), p.integer("mirrorBatch")));
    }

    @Override
    public String name() {
        return "weight-mirror";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).put("mirrorRate", mirrorRate).put("mirrorDecay", mirrorDecay)
                .put("noiseStd", noiseStd).put("mirrorBatch", mirrorBatch).build();
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(this, context);
    }

    /**
     * Sends through {@code B_l}; after each forward update one mirror step per layer: {@code ξ ~ N(0, σ²)},
     * {@code ξ' = ξ W_lᵀ}, {@code B_l ← (1 − λ_B) B_l + η_B ξᵀ ξ'}. The noise buffers depend only on {@code k}, not on
     * the training batch, and are allocated once here.
     */
    private static final class Engine implements PathwayEngine {
        private final float rate;
        private final float keep;
        private final double sigma;
        private final SplittableRandom noise;
        private final Matrix[] xi;
        private final Matrix[] xiOut;
        private final int from;
        private final int to;

        Engine(WeightMirror rule, RuleContext c) {
            this.from = c.firstLayer();
            this.to = c.lastLayer();
            this.rate = (float) rule.mirrorRate();
            this.keep = (float) (1 - rule.mirrorDecay());
            this.sigma = rule.noiseStd();
            this.noise = c.random(SeedStream.FEEDBACK_LEARNING);
            NetworkSpec spec = c.spec();
            xi = new Matrix[spec.depth()];
            xiOut = new Matrix[spec.depth()];
            for (int l = from; l <= to; l++) {
                xi[l] = Matrix.zeros(rule.mirrorBatch(), spec.units(l - 1));
                xiOut[l] = Matrix.zeros(rule.mirrorBatch(), spec.units(l));
            }
        }

        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            Feedback.sendThrough(s, layer, deltaAbove, out); // Δh = B δ
        }

        @Override
        public void afterUpdate(StepState s) {
            Linalg la = s.linalg();
            for (int l = from; l <= to; l++) {
                fillGaussian(xi[l]);
                la.gemm(Op.N, Op.N, 1f, xi[l], s.weightsTransposed(l), 0f, xiOut[l]); // ξ' = ξ W_lᵀ: noise through the forward path
                la.gemm(Op.T, Op.N, rate, xi[l], xiOut[l], keep, s.feedback(l));      // B ← (1 − λ_B) B + η_B ξᵀξ'
            }
        }

        private void fillGaussian(Matrix x) {
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    x.set(i, j, (float) (sigma * noise.nextGaussian()));
                }
            }
        }
    }
}
