package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fa4j.core.Activation;
import org.fa4j.core.Model;
import org.fa4j.core.StepContext;
import org.fa4j.core.TrainingListener;
import org.fa4j.core.TrainingSummary;
import org.fa4j.core.rule.FeedbackAlignment;

/**
 * Records the conservation law of linear feedback alignment, eq. (14): for {@code h = W₀x}, {@code y = Wh} trained
 * with a fixed {@code B}, {@code C = BW + WᵀBᵀ − W₀W₀ᵀ} is constant in continuous time (PAPER §3.3). In discrete
 * steps each online update changes it by exactly {@code −ΔW₀ΔW₀ᵀ} (η² per step), so over a horizon of order 1/η the
 * drift grows like η; the monitor measures it on a model the user trains with fa-core.
 *
 * <p>Applies to a two-layer network with identity activations, no biases, no removed weights and the
 * {@link FeedbackAlignment} rule (its {@code B} never changes); {@link #of} refuses other models, saying why. Weight
 * decay breaks the law (it shrinks {@code W} and {@code W₀} at different rates), so train with α = 0.
 *
 * <pre>{@code
 * ConservationMonitor law = ConservationMonitor.of(model, 1);
 * Trainer.newBuilder(model, config).listener(law).build().fit(x, y);
 * law.conservationLaw(0.05).assertPassed();
 * }</pre>
 */
public final class ConservationMonitor implements TrainingListener {
    /**
     * One sample.
     *
     * @param step          updates made before the sample (0 for the initial state)
     * @param drift         {@code ‖C(step) − C(first sample)‖_F}
     * @param scale         {@code max(‖BW + WᵀBᵀ‖_F, ‖W₀W₀ᵀ‖_F)} at this step
     */
    public record Sample(long step, double drift, double scale) {
    }

    private final long every;
    private final List<Sample> samples = new ArrayList<>();
    private DMatrixRMaj reference;
    /** The live model of the run, seen at the first sample; after the run it holds the trained weights. */
    private Model model;
    private long lastSampled = -1;

    private ConservationMonitor(long every) {
        this.every = every;
    }

    /** A monitor for {@code model}, sampling every {@code every} updates and at the end; throws if eq. (14) does not apply. */
    public static ConservationMonitor of(Model model, long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 update, got " + every);
        }
        List<String> why = new ArrayList<>();
        if (model.depth() != 2) {
            why.add("it has " + model.depth() + " weight layers, not 2");
        }
        for (int l = 0; l < model.depth(); l++) {
            if (!(model.spec().layers().get(l).activation() instanceof Activation.Identity)) {
                why.add("layer " + l + " is " + model.spec().layers().get(l).activation().name() + ", not linear");
            }
            if (model.bias(l).isPresent()) {
                why.add("layer " + l + " has biases");
            }
            if (model.weightMask(l).isPresent()) {
                why.add("layer " + l + " has removed weights");
            }
        }
        if (!(model.rule() instanceof FeedbackAlignment fa) || fa.sparsity() != 0) {
            why.add("its rule is " + model.rule().name() + (model.rule() instanceof FeedbackAlignment ? " with sparse feedback" : "")
                    + ", not feedback alignment with a fixed, dense B");
        }
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("eq. (14) holds for a linear two-layer network without biases trained by feedback "
                    + "alignment; this model does not qualify: " + String.join("; ", why));
        }
        return new ConservationMonitor(every);
    }

    @Override
    public void onStep(StepContext step) {
        long done = step.step() - 1;
        if (done % every == 0) {
            sample(step.model(), done);
        }
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        // onEnd sees no model; the last onStep's model is the one trained, sampled through its reference.
        if (model != null && lastSampled != summary.steps()) {
            sample(model, summary.steps());
        }
    }

    private void sample(Model m, long done) {
        model = m;
        lastSampled = done;
        DMatrixRMaj w0 = Mat64.of(m.weights(0));
        DMatrixRMaj w = Mat64.of(m.weights(1));
        DMatrixRMaj b = Mat64.of(m.feedback(1).orElseThrow());
        DMatrixRMaj bw = new DMatrixRMaj(b.numRows, w.numCols);
        CommonOps_DDRM.mult(b, w, bw);
        DMatrixRMaj sym = new DMatrixRMaj(bw.numRows, bw.numCols);
        CommonOps_DDRM.transpose(bw, sym);
        CommonOps_DDRM.addEquals(sym, bw); // BW + WᵀBᵀ
        DMatrixRMaj aat = new DMatrixRMaj(w0.numRows, w0.numRows);
        CommonOps_DDRM.multTransB(w0, w0, aat);
        DMatrixRMaj c = new DMatrixRMaj(sym.numRows, sym.numCols);
        CommonOps_DDRM.subtract(sym, aat, c);
        double scale = Math.max(Mat64.normF(sym), Mat64.normF(aat));
        if (reference == null) {
            reference = c;
            samples.add(new Sample(done, 0, scale));
            return;
        }
        DMatrixRMaj d = new DMatrixRMaj(c.numRows, c.numCols);
        CommonOps_DDRM.subtract(c, reference, d);
        samples.add(new Sample(done, Mat64.normF(d), scale));
    }

    /** The samples so far. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The largest drift relative to the largest scale seen: {@code max ‖C(t) − C(0)‖ / max scale}. */
    public double maxRelativeDrift() {
        requireSamples();
        double drift = 0;
        double scale = 0;
        for (Sample s : samples) {
            drift = Math.max(drift, s.drift());
            scale = Math.max(scale, s.scale());
        }
        return scale == 0 ? 0 : drift / scale;
    }

    /** Checks that the relative drift of {@code C} stays below {@code maxRelativeDrift} over the recorded run. */
    public CheckReport conservationLaw(double maxRelativeDrift) {
        if (!(maxRelativeDrift > 0) || Double.isInfinite(maxRelativeDrift)) {
            throw new IllegalArgumentException("maxRelativeDrift must be finite and > 0, got " + maxRelativeDrift);
        }
        requireSamples();
        Sample worst = samples.get(0);
        double scale = 0;
        for (Sample s : samples) {
            scale = Math.max(scale, s.scale());
            if (s.drift() > worst.drift()) {
                worst = s;
            }
        }
        double rel = maxRelativeDrift();
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("maxRelativeDrift", rel);
        measured.put("atStep", worst.step());
        measured.put("maxScale", scale);
        measured.put("samples", samples.size());
        String finding = String.format(Locale.ROOT, "‖C(t) − C(0)‖/max‖·‖ of C = BW + WᵀBᵀ − W₀W₀ᵀ reaches %.3g at step %d (of %d "
                        + "recorded, scale %.3g); required below %.3g", rel, worst.step(), samples.get(samples.size() - 1).step(), scale,
                maxRelativeDrift);
        return ModelChecks.report("conservation-law-during-training", "BW + WᵀBᵀ − W₀W₀ᵀ stays constant while the model trains",
                "eq. (14), Supplement Proof #1", Map.of("maxRelativeDrift", maxRelativeDrift, "every", every), measured,
                Map.of("maxRelativeDrift", maxRelativeDrift), rel < maxRelativeDrift, finding);
    }

    private void requireSamples() {
        if (samples.size() < 2) {
            throw new IllegalStateException("the monitor has " + samples.size() + " samples; add it to the Trainer with "
                    + "Trainer.Builder.listener(...) and train for at least one update");
        }
    }
}
