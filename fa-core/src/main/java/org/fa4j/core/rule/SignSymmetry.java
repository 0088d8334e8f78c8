package org.fa4j.core.rule;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Matrix;

/**
 * Sign symmetry: feedback matrices that share the signs of the forward weights but not their magnitudes,
 * {@code B_l = M_l ∘ sign(W_l)ᵀ}, rebuilt from the current {@code W_l} at the start of every step and used like
 * feedback alignment's {@code B} ({@code Δh_{l−1} = B_l δ_l}). References: Liao, Leibo &amp; Poggio 2016, "How
 * Important Is Weight Symmetry in Backpropagation?" (AAAI); Moskovitz, Litwin-Kumar &amp; Abbott 2018; the three
 * variants and their scales as defined in BioTorch (Sanfiz &amp; Akrout 2021, "Benchmarking the Accuracy and Robustness
 * of Feedback Alignment Algorithms"):
 * <ul>
 *   <li>{@link Variant#USF uSF} (uniform sign-concordant feedback): {@code M_l = s·1}, all magnitudes equal to the
 *       standard deviation {@code s} of {@code magnitudeInit} for the layer's fans (BioTorch's scaling factor, which is
 *       the standard deviation of the layer's initialiser), so the feedback has the scale of the initial {@code W};</li>
 *   <li>{@link Variant#BRSF brSF} (batchwise random magnitude): {@code M_l = |R_l|}, {@code R_l} drawn from
 *       {@code magnitudeInit} afresh for every batch (stream {@link SeedStream#FEEDBACK_LEARNING} of the training
 *       seed);</li>
 *   <li>{@link Variant#FRSF frSF} (fixed random magnitude): {@code M_l = |R_l|}, {@code R_l} drawn once from
 *       {@code magnitudeInit} (stream {@link SeedStream#FEEDBACK} of the model's seed) and kept for good.</li>
 * </ul>
 * {@code sign(0) = 0}, so removed (masked) forward weights have no feedback. BioTorch draws {@code R} and scales
 * {@code uSF} with the forward layer's own initialiser (Xavier by default): pass {@code spec.init()} (or
 * {@link Init#xavier()}) to match it. Fans are those of {@code W_l}: {@code fanIn = units_{l−1}},
 * {@code fanOut = units_l}.
 *
 * <p>frSF's {@code |R_l|} is not stored separately: it is a pure function of the model's seed and spec and is drawn
 * again, bit-identically, whenever a {@link org.fa4j.core.Trainer} is built, so a saved and reloaded model continues exactly. The
 * model's {@link org.fa4j.core.Model#feedback(int)} always holds the {@code B_l} in use. Also usable as one layer's pathway in
 * {@link Layerwise} (then only that layer's {@code B} is sign-concordant; brSF gets a noise stream of its own).
 *
 * @param variant       which magnitudes
 * @param magnitudeInit the distribution whose standard deviation (uSF) or absolute draws (brSF, frSF) give {@code M}
 */
public record SignSymmetry(Variant variant, Init magnitudeInit) implements PathwayRule {

    /** The three sign-concordant feedback variants of BioTorch. */
    public enum Variant {
        /** Uniform magnitudes: {@code B = s·sign(W)ᵀ}. */
        USF("usf"),
        /** Batchwise random magnitudes: {@code B = |R|∘sign(W)ᵀ}, {@code R} redrawn every batch. */
        BRSF("brsf"),
        /** Fixed random magnitudes: {@code B = |R|∘sign(W)ᵀ}, {@code R} drawn once. */
        FRSF("frsf");

        private final String id;

        Variant(String id) {
            this.id = id;
        }

        /** The short name used in JSON and in the literature ({@code usf}, {@code brsf}, {@code frsf}). */
        public String id() {
            return id;
        }

        /** The variant with short name {@code id}. */
        public static Variant of(String id) {
            for (Variant v : values()) {
                if (v.id.equals(id)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown sign-symmetry variant '" + id + "'; expected usf, brsf or frsf");
        }
    }

    /** Checks the values. */
    public SignSymmetry {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(magnitudeInit, "magnitudeInit");
    }

    /** uSF: {@code B = s·sign(W)ᵀ} with {@code s} the standard deviation of {@code init}. */
    public static SignSymmetry usf(Init init) {
        return new SignSymmetry(Variant.USF, init);
    }

    /** brSF: {@code B = |R|∘sign(W)ᵀ}, {@code R ~ init} redrawn every batch. */
    public static SignSymmetry brsf(Init init) {
        return new SignSymmetry(Variant.BRSF, init);
    }

    /** frSF: {@code B = |R|∘sign(W)ᵀ}, {@code R ~ init} drawn once. */
    public static SignSymmetry frsf(Init init) {
        return new SignSymmetry(Variant.FRSF, init);
    }

    /** Reads {@code sign-symmetry} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("sign-symmetry", p -> new SignSymmetry(Variant.of(p.text("variant")), p.init("magnitudeInit")));
    }

    @Override
    public String name() {
        return "sign-symmetry";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("variant", variant.id()).put("magnitudeInit", magnitudeInit).build();
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }

    @Override
    public void drawFeedback(FeedbackSetup setup) {
        setup.setFeedback(initial(this, setup.weightsTransposed(), setup.random()));
    }

    @Override
    public void checkFeedback(NetworkSpec spec, int layer, Matrix feedback) {
        RandomFeedbackRule.requireShape(this, layer, feedback, spec.units(layer - 1), spec.units(layer));
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(this, context);
    }

    /**
     * Before every step, {@code B_l = M_l ∘ sign(W_l)ᵀ} from the current {@code W_l} (so the {@code B} a listener sees
     * in {@code onStep} is the one that step used); then {@code Δh_{l−1} = B_l δ_l} as in feedback alignment.
     * Allocates nothing per step: uSF and brSF write {@code B} in place, frSF keeps its fixed {@code |R_l|} in matrices
     * drawn once here.
     */
    private static final class Engine implements PathwayEngine {
        private final SignSymmetry rule;
        private final SplittableRandom batchwise;
        private final Matrix[] fixedMagnitude;
        private final int from;
        private final int to;

        Engine(SignSymmetry rule, RuleContext c) {
            this.rule = rule;
            this.from = c.firstLayer();
            this.to = c.lastLayer();
            this.batchwise = c.random(SeedStream.FEEDBACK_LEARNING);
            this.fixedMagnitude = rule.variant() == Variant.FRSF ? replayMagnitudes(c) : null;
        }

        /**
         * frSF's {@code |R_l|}, drawn again exactly as when the model was created (same seed, same stream, same order,
         * other layers' draws included): with forward weights of all ones, {@code B = |R| ∘ sign(1) = |R|}.
         */
        private static Matrix[] replayMagnitudes(RuleContext c) {
            NetworkSpec spec = c.spec();
            Matrix[] ones = new Matrix[spec.depth()]; // W_lᵀ of all ones, units_{l−1} × units_l
            for (int l = 1; l < spec.depth(); l++) {
                ones[l] = Matrix.zeros(spec.units(l - 1), spec.units(l));
                ones[l].fill(1f);
            }
            return c.redrawFeedback(ones);
        }

        @Override
        public void beforeBackward(StepState s) {
            for (int l = from; l <= to; l++) {
                Matrix wt = s.weightsTransposed(l); // W_lᵀ, the shape of B_l: sign symmetry is elementwise in this layout
                switch (rule.variant()) {
                    case USF -> uniform(wt, (float) std(rule.magnitudeInit(), wt.rows(), wt.cols()), s.feedback(l));
                    case BRSF -> batchwise(rule.magnitudeInit(), wt, batchwise, s.feedback(l));
                    case FRSF -> concordant(wt, fixedMagnitude[l], s.feedback(l));
                }
            }
        }

        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            Feedback.sendThrough(s, layer, deltaAbove, out); // Δh = B δ with B sign-concordant with Wᵀ
        }
    }

    /** The initial {@code B_l} of a new model from {@code wt = W_lᵀ} ({@code units_{l−1} × units_l}). */
    private static Matrix initial(SignSymmetry rule, Matrix wt, SplittableRandom feedbackStream) {
        Matrix b = Matrix.zeros(wt.rows(), wt.cols());
        switch (rule.variant()) {
            case USF -> uniform(wt, (float) std(rule.magnitudeInit(), wt.rows(), wt.cols()), b);
            case BRSF, FRSF -> {
                drawMagnitudes(rule.magnitudeInit(), b, feedbackStream);
                concordant(wt, b, b);
            }
        }
        return b;
    }

    /** {@code b = s · sign(wt)}. */
    private static void uniform(Matrix wt, float s, Matrix b) {
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, s * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code b = |R| ∘ sign(wt)}, {@code R} drawn now from {@code r} in row-major order, with the fans of {@code W}. */
    private static void batchwise(Init init, Matrix wt, SplittableRandom r, Matrix b) {
        int fanIn = wt.rows();
        int fanOut = wt.cols();
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, Math.abs(init.draw(r, fanIn, fanOut)) * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code b = |mag| ∘ sign(wt)} ({@code b} may be {@code mag}). */
    private static void concordant(Matrix wt, Matrix mag, Matrix b) {
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, Math.abs(mag.get(i, j)) * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code out = |R|}, {@code R ~ init} with the fans of {@code W} ({@code fanIn = out.rows()}), row-major. */
    private static void drawMagnitudes(Init init, Matrix out, SplittableRandom r) {
        int fanIn = out.rows();
        int fanOut = out.cols();
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(i, j, Math.abs(init.draw(r, fanIn, fanOut)));
            }
        }
    }

    /** The standard deviation of {@code init} for a layer with the given fans (BioTorch's uSF scaling factor). */
    private static double std(Init init, int fanIn, int fanOut) {
        return switch (init) {
            case Init.Uniform u -> u.scale() / Math.sqrt(3);
            case Init.Gaussian g -> g.std();
            case Init.Xavier x -> Math.sqrt(2.0 / (fanIn + fanOut));
            case Init.He h -> Math.sqrt(2.0 / fanIn);
        };
    }
}
