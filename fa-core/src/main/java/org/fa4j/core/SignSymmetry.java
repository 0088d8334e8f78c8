package org.fa4j.core;

import org.fa4j.datasets.SeedStream;
import java.util.Objects;

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
 * again, bit-identically, whenever a {@link Trainer} is built, so a saved and reloaded model continues exactly. The
 * model's {@link Model#feedback(int)} always holds the {@code B_l} in use. Also usable as one layer's pathway in
 * {@link Layerwise} (then only that layer's {@code B} is sign-concordant; brSF gets a noise stream of its own).
 *
 * @param variant       which magnitudes
 * @param magnitudeInit the distribution whose standard deviation (uSF) or absolute draws (brSF, frSF) give {@code M}
 */
public record SignSymmetry(Variant variant, Init magnitudeInit) implements LearningRule {

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

    @Override
    public String name() {
        return "sign-symmetry";
    }

    @Override
    public boolean usesFeedback() {
        return true;
    }
}
