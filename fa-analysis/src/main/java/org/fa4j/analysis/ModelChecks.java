package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.fa4j.core.Diagnostics;
import org.fa4j.core.Model;
import org.fa4j.core.StepContext;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingListener;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * The paper's claims checked on a network the user trained with fa-core, rather than on this module's own float64
 * reference networks: the weights align with the pseudoinverse of the feedback (Supplement Proof #3, Fig. 4), the
 * hidden updates of feedback alignment come within 90° of backprop's (Fig. 2b), and condition (1),
 * {@code eᵀWBe > 0} on average, holds per hidden layer. Measurements return records; checks return a
 * {@link CheckReport} whose {@link CheckReport#assertPassed()} fails a test with what was measured and the threshold.
 * Over training, {@link AlignmentMonitor} and {@link ConservationMonitor} record the same quantities step by step.
 *
 * <p>The network's own matrices are read in float32 and everything is computed in float64. The hidden signals come
 * from fa-core's {@link Diagnostics} on a copy of the model, one batch holding all the given examples; the model
 * itself is not changed. A layer counts when the model keeps a feedback matrix {@code B_l} of the shape of
 * {@code W_lᵀ} (feedback alignment, sparse FA, Kolen–Pollack, weight mirror and sign symmetry keep one; backprop and
 * direct feedback alignment, whose {@code B} reaches from the output, do not).
 */
public final class ModelChecks {
    private ModelChecks() {
    }

    /** {@code W_l ∡ B_l⁺} and {@code W_l ∡ B_lᵀ} for every layer with a feedback matrix, bottom first. */
    public static List<LayerAlignment> weightAlignment(Model model) {
        List<LayerAlignment> out = new ArrayList<>();
        for (int l : feedbackLayers(model)) {
            DMatrixRMaj w = Mat64.of(model.weights(l));
            DMatrixRMaj b = Mat64.of(model.feedback(l).orElseThrow());
            DMatrixRMaj bPinv = Mat64.pinv(b, Math.ulp(1.0f));
            DMatrixRMaj bT = new DMatrixRMaj(b.numCols, b.numRows);
            org.ejml.dense.row.CommonOps_DDRM.transpose(b, bT);
            out.add(new LayerAlignment(l, Mat64.signedAngleDeg(w.data, bPinv.data), Mat64.signedAngleDeg(w.data, bT.data)));
        }
        return out;
    }

    /**
     * {@code Δh_FA ∡ Δh_BP} and {@code δᵀWBδ} for every hidden layer that receives its update through a feedback
     * matrix, on the examples in the rows of {@code inputs} and {@code targets} (the error of the model as it is).
     */
    public static List<SignalAlignment> signalAlignment(Model model, Matrix inputs, Matrix targets) {
        List<Integer> layers = feedbackLayers(model);
        List<SignalAlignment> out = new ArrayList<>();
        Model probe = model.copy();
        TrainingConfig once = TrainingConfig.newBuilder().learningRate(1e-9).build();
        Trainer.newBuilder(probe, once).linalg(Linalg.defaults().withThreads(1)).listener(new TrainingListener() {
            @Override
            public void onStep(StepContext step) {
                for (int l : layers) {
                    out.add(signals(step.diagnostics(), l - 1));
                }
            }
        }).build().step(inputs, targets);
        return out;
    }

    /** One hidden layer's signals of the current step, in float64. */
    static SignalAlignment signals(Diagnostics d, int hidden) {
        Matrix fa = d.feedbackSignal(hidden);
        Matrix bp = d.backpropSignal(hidden);
        int n = fa.rows();
        int m = fa.cols();
        double[] a = new double[n * m];
        double[] b = new double[n * m];
        double sum = 0;
        int positive = 0;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < m; j++) {
                a[i * m + j] = fa.get(i, j);
                b[i * m + j] = bp.get(i, j);
                dot += a[i * m + j] * b[i * m + j];
            }
            sum += dot;
            positive += dot > 0 ? 1 : 0;
        }
        return new SignalAlignment(hidden, n, Mat64.signedAngleDeg(a, b), sum / n, (double) positive / n);
    }

    /**
     * Checks that {@code W_l ∡ B_l⁺ < maxAngleDegrees} for every layer with a feedback matrix (Supplement Proof #3:
     * {@code W} comes to act like {@code B⁺}; a random {@code W} sits near 90°).
     */
    public static CheckReport weightsAlignWithPseudoinverse(Model model, double maxAngleDegrees) {
        requireAngle(maxAngleDegrees);
        List<LayerAlignment> all = weightAlignment(model);
        Map<String, Object> measured = new LinkedHashMap<>();
        LayerAlignment worst = null;
        for (LayerAlignment a : all) {
            measured.put("layer" + a.layer() + ".angleToPseudoinverse", a.angleToPseudoinverse());
            measured.put("layer" + a.layer() + ".angleToTranspose", a.angleToTranspose());
            if (worst == null || !(a.angleToPseudoinverse() <= worst.angleToPseudoinverse())) {
                worst = a;
            }
        }
        boolean ok = !(worst.angleToPseudoinverse() >= maxAngleDegrees) && !Double.isNaN(worst.angleToPseudoinverse());
        String finding = String.format(Locale.ROOT, "largest W∡B⁺ is %.2f° at layer %d (W∡Bᵀ %.2f° there); required below %.2f° "
                + "at every layer with feedback (%s)", worst.angleToPseudoinverse(), worst.layer(), worst.angleToTranspose(),
                maxAngleDegrees, describe(all));
        return report("weights-align-with-pseudoinverse", "W_l aligns with the pseudoinverse of B_l in the trained model",
                "Supplement Proof #3, Fig. 4", Map.of("maxAngleDegrees", maxAngleDegrees, "rule", model.rule().name()), measured,
                Map.of("maxAngleDegrees", maxAngleDegrees), ok, finding);
    }

    /** Checks that {@code Δh_FA ∡ Δh_BP < maxAngleDegrees} for every hidden layer fed through {@code B}, on these examples. */
    public static CheckReport hiddenUpdatesAlignWithBackprop(Model model, Matrix inputs, Matrix targets, double maxAngleDegrees) {
        requireAngle(maxAngleDegrees);
        List<SignalAlignment> all = signalAlignment(model, inputs, targets);
        Map<String, Object> measured = new LinkedHashMap<>();
        SignalAlignment worst = null;
        for (SignalAlignment s : all) {
            measured.put("hidden" + s.hiddenLayer() + ".angle", s.angle());
            if (worst == null || !(s.angle() <= worst.angle())) {
                worst = s;
            }
        }
        boolean ok = worst.angle() < maxAngleDegrees;
        String finding = String.format(Locale.ROOT, "largest Δh_FA∡Δh_BP is %.2f° at hidden layer %d over %d examples; required below "
                + "%.2f° at every hidden layer fed through B", worst.angle(), worst.hiddenLayer(), worst.examples(), maxAngleDegrees);
        return report("hidden-updates-align-with-backprop", "the feedback-alignment update of each hidden layer is within the "
                        + "threshold of backprop's, on the given examples", "Fig. 2b, §1.2",
                Map.of("maxAngleDegrees", maxAngleDegrees, "examples", inputs.rows(), "rule", model.rule().name()), measured,
                Map.of("maxAngleDegrees", maxAngleDegrees), ok, finding);
    }

    /**
     * Checks condition (1) on these examples: the mean of {@code δᵀ W B δ} over the examples is positive for every
     * hidden layer fed through {@code B}, and at least {@code minFractionPositive} of the examples are positive.
     */
    public static CheckReport conditionOne(Model model, Matrix inputs, Matrix targets, double minFractionPositive) {
        if (!(minFractionPositive >= 0 && minFractionPositive <= 1)) {
            throw new IllegalArgumentException("minFractionPositive must be in [0, 1], got " + minFractionPositive);
        }
        List<SignalAlignment> all = signalAlignment(model, inputs, targets);
        Map<String, Object> measured = new LinkedHashMap<>();
        SignalAlignment failed = null;
        for (SignalAlignment s : all) {
            measured.put("hidden" + s.hiddenLayer() + ".meanProduct", s.meanProduct());
            measured.put("hidden" + s.hiddenLayer() + ".fractionPositive", s.fractionPositive());
            if (failed == null && !(s.meanProduct() > 0 && s.fractionPositive() >= minFractionPositive)) {
                failed = s;
            }
        }
        SignalAlignment shown = failed != null ? failed : all.get(0);
        String finding = String.format(Locale.ROOT, "%s: mean δᵀWBδ %.4g and %.1f%% of %d examples positive at hidden layer %d; "
                        + "required mean > 0 and at least %.1f%% positive at every hidden layer fed through B",
                failed == null ? "holds" : "fails", shown.meanProduct(), 100 * shown.fractionPositive(), shown.examples(),
                shown.hiddenLayer(), 100 * minFractionPositive);
        return report("condition-one", "eᵀWBe > 0 on average for every hidden layer, on the given examples", "eq. (1), §1.2",
                Map.of("minFractionPositive", minFractionPositive, "examples", inputs.rows(), "rule", model.rule().name()), measured,
                Map.of("meanProduct", 0.0, "minFractionPositive", minFractionPositive), failed == null, finding);
    }

    /** The layers {@code l ≥ 1} whose feedback matrix has the shape of {@code W_lᵀ}; throws if there is none. */
    static List<Integer> feedbackLayers(Model model) {
        Objects.requireNonNull(model, "model");
        List<Integer> layers = new ArrayList<>();
        for (int l = 1; l < model.depth(); l++) {
            Matrix b = model.feedback(l).orElse(null);
            if (b != null && b.rows() == model.spec().units(l - 1) && b.cols() == model.spec().units(l)) {
                layers.add(l);
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model's rule (" + model.rule().name() + ") keeps no feedback matrix B_l of the shape of "
                    + "W_lᵀ at any layer, so there is no feedback to align with; train with feedback alignment or a rule of its family");
        }
        return layers;
    }

    private static String describe(List<LayerAlignment> all) {
        StringBuilder sb = new StringBuilder();
        for (LayerAlignment a : all) {
            sb.append(sb.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "layer %d: W∡B⁺ %.2f°, W∡Bᵀ %.2f°", a.layer(),
                    a.angleToPseudoinverse(), a.angleToTranspose()));
        }
        return sb.toString();
    }

    static void requireAngle(double maxAngleDegrees) {
        if (!(maxAngleDegrees > 0 && maxAngleDegrees <= 180)) {
            throw new IllegalArgumentException("maxAngleDegrees must be in (0°, 180°], got " + maxAngleDegrees);
        }
    }

    static CheckReport report(String id, String title, String reference, Map<String, Object> parameters, Map<String, Object> measured,
                              Map<String, Double> tolerances, boolean ok, String finding) {
        return new CheckReport(id, title, reference, Role.CLAIM, new LinkedHashMap<>(parameters), measured, tolerances, Verdict.of(ok), "",
                finding, List.of());
    }
}
