package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.datasets.SeedStream;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link SignSymmetry}: before every step, {@code B_l = M_l ∘ sign(W_l)ᵀ} from the current {@code W_l} (so the
 * {@code B} a listener sees in {@code onStep} is the one that step used); then {@code Δh_{l−1} = B_l δ_l} as in
 * feedback alignment. Allocates nothing per step: uSF and brSF write {@code B} in place, frSF keeps its fixed
 * {@code |R_l|} in matrices drawn once here.
 */
final class SignSymmetryEngine extends ChainEngine {
    private final SignSymmetry rule;
    private final SplittableRandom batchwise;
    private final Matrix[] fixedMagnitude;
    private final int from;
    private final int to;

    /**
     * Keeps {@code B_l} for layers {@code from..to} (all layers above the first, or one layer's pathway).
     *
     * @param batchwise brSF's generator (from {@link SeedStream#FEEDBACK_LEARNING} of the training seed)
     */
    SignSymmetryEngine(SignSymmetry rule, Model m, int from, int to, SplittableRandom batchwise) {
        this.rule = rule;
        this.from = from;
        this.to = to;
        this.batchwise = batchwise;
        if (rule.variant() == SignSymmetry.Variant.FRSF) {
            fixedMagnitude = replayMagnitudes(m);
        } else {
            fixedMagnitude = null;
        }
    }

    /**
     * frSF's {@code |R_l|}, drawn again exactly as {@link RuleEngines#initFeedback} drew them when the model was created
     * (same seed, same stream, same order, other layers' draws included): replaying it with forward weights of all
     * ones makes {@code B = |R| ∘ sign(1) = |R|}.
     */
    private static Matrix[] replayMagnitudes(Model m) {
        NetworkSpec spec = m.spec();
        int depth = spec.depth();
        Matrix[] ones = new Matrix[depth]; // W_lᵀ of all ones, units_{l−1} × units_l as Model.create passes them
        for (int l = 1; l < depth; l++) {
            ones[l] = Matrix.zeros(spec.units(l - 1), spec.units(l));
            ones[l].fill(1f);
        }
        Matrix[] magnitudes = new Matrix[depth];
        RuleEngines.initFeedback(m.rule(), spec, ones, Seeds.random(m.seed(), SeedStream.FEEDBACK), magnitudes,
                new Matrix[depth]);
        return magnitudes;
    }

    @Override
    void beforeBackward(Model m, long step) {
        for (int l = from; l <= to; l++) {
            Matrix wt = m.wt[l]; // W_lᵀ, the shape of B_l: sign symmetry is elementwise in this layout
            switch (rule.variant()) {
                case USF -> uniform(wt, (float) std(rule.magnitudeInit(), wt.rows(), wt.cols()), m.fb[l]);
                case BRSF -> batchwise(rule.magnitudeInit(), wt, batchwise, m.fb[l]);
                case FRSF -> concordant(wt, fixedMagnitude[l], m.fb[l]);
            }
        }
    }

    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        la.gemm(Op.N, Op.T, 1f, deltaL, m.fb[l], 0f, out); // Δh = B δ with B sign-concordant with Wᵀ
    }

    /**
     * The initial {@code B_l} of a new model (called by {@link RuleEngines#initFeedback}) from {@code wt = W_lᵀ}
     * ({@code units_{l−1} × units_l}).
     */
    static Matrix initial(SignSymmetry rule, Matrix wt, SplittableRandom feedbackStream) {
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
    static void uniform(Matrix wt, float s, Matrix b) {
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, s * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code b = |R| ∘ sign(wt)}, {@code R} drawn now from {@code r} in row-major order, with the fans of {@code W}. */
    static void batchwise(Init init, Matrix wt, SplittableRandom r, Matrix b) {
        int fanIn = wt.rows();
        int fanOut = wt.cols();
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, Math.abs(init.draw(r, fanIn, fanOut)) * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code b = |mag| ∘ sign(wt)} ({@code b} may be {@code mag}). */
    static void concordant(Matrix wt, Matrix mag, Matrix b) {
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, Math.abs(mag.get(i, j)) * Math.signum(wt.get(i, j)));
            }
        }
    }

    /** {@code out = |R|}, {@code R ~ init} with the fans of {@code W} ({@code fanIn = out.rows()}), row-major. */
    static void drawMagnitudes(Init init, Matrix out, SplittableRandom r) {
        int fanIn = out.rows();
        int fanOut = out.cols();
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(i, j, Math.abs(init.draw(r, fanIn, fanOut)));
            }
        }
    }

    /** The standard deviation of {@code init} for a layer with the given fans (BioTorch's uSF scaling factor). */
    static double std(Init init, int fanIn, int fanOut) {
        return switch (init) {
            case Init.Uniform u -> u.scale() / Math.sqrt(3);
            case Init.Gaussian g -> g.std();
            case Init.Xavier x -> Math.sqrt(2.0 / (fanIn + fanOut));
            case Init.He h -> Math.sqrt(2.0 / fanIn);
        };
    }
}
