package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fa4j.core.Model;
import org.fa4j.core.StepContext;
import org.fa4j.core.TrainingListener;

/**
 * Records, every {@code every} updates of a training run, how the feedback-alignment update of each hidden layer
 * lines up with backprop's on that update's batch: the signed angle {@code Δh_FA ∡ Δh_BP} and the mean of
 * condition (1)'s {@code δᵀ W B δ} (see {@link SignalAlignment}). The paper's second insight is that (1) is
 * <em>acquired</em> by learning: near 90° and of either sign at the start, positive later (§1.2, Fig. 1e, 2b).
 *
 * <pre>{@code
 * AlignmentMonitor monitor = AlignmentMonitor.of(model, 10);
 * Trainer.newBuilder(model, config).listener(monitor).build().fit(train);
 * monitor.conditionOneAcquiredBy(2_000, 20).assertPassed();
 * }</pre>
 *
 * A sample is taken before the update it is recorded under (the model as after {@code step − 1} updates). The
 * monitor allocates on the steps it samples and nothing on the others.
 */
public final class AlignmentMonitor implements TrainingListener {
    /**
     * One sample.
     *
     * @param step        the update's number, counted from 1
     * @param hiddenLayer the hidden layer
     * @param angle       {@code Δh_FA ∡ Δh_BP} in degrees, signed, over the batch
     * @param meanProduct the batch mean of {@code δᵀ W B δ}
     */
    public record Sample(long step, int hiddenLayer, double angle, double meanProduct) {
    }

    private final List<Integer> layers;
    private final long every;
    private final List<Sample> samples = new ArrayList<>();

    private AlignmentMonitor(List<Integer> layers, long every) {
        this.layers = layers;
        this.every = every;
    }

    /**
     * A monitor for {@code model}'s hidden layers that receive their update through a feedback matrix, sampling every
     * {@code every} updates (the first update included); throws if the model keeps no such matrix.
     */
    public static AlignmentMonitor of(Model model, long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 update, got " + every);
        }
        return new AlignmentMonitor(ModelChecks.feedbackLayers(model), every);
    }

    @Override
    public void onStep(StepContext step) {
        if ((step.step() - 1) % every != 0) {
            return;
        }
        for (int l : layers) {
            SignalAlignment s = ModelChecks.signals(step.diagnostics(), l - 1);
            samples.add(new Sample(step.step(), l - 1, s.angle(), s.meanProduct()));
        }
    }

    /** The samples so far, in order of step and then hidden layer. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The samples of one hidden layer. */
    public List<Sample> samples(int hiddenLayer) {
        return samples.stream().filter(s -> s.hiddenLayer() == hiddenLayer).toList();
    }

    /**
     * Checks that condition (1) is acquired by update {@code byStep}: for every monitored hidden layer, the running
     * mean of {@code δᵀWBδ} over {@code window} consecutive samples is positive from some sample at or before
     * {@code byStep} to the end of the run. The finding names the step from which it stays positive, or the last
     * step at which it was not, with its value.
     */
    public CheckReport conditionOneAcquiredBy(long byStep, int window) {
        requireSamples(window);
        Map<String, Object> measured = new LinkedHashMap<>();
        boolean ok = true;
        StringBuilder finding = new StringBuilder();
        for (int h : hiddenLayers()) {
            List<Sample> s = samples(h);
            double sum = 0;
            long lastNonPositiveStep = -1;
            double lastNonPositiveMean = Double.NaN;
            long turn = -1;
            for (int i = 0; i < s.size(); i++) {
                sum += s.get(i).meanProduct();
                if (i >= window) {
                    sum -= s.get(i - window).meanProduct();
                }
                if (i < window - 1) {
                    continue;
                }
                double mean = sum / window;
                if (!(mean > 0)) {
                    lastNonPositiveStep = s.get(i).step();
                    lastNonPositiveMean = mean;
                    turn = -1;
                } else if (turn < 0) {
                    turn = s.get(i).step();
                }
            }
            long last = s.get(s.size() - 1).step();
            boolean layerOk = turn > 0 && turn <= byStep;
            ok &= layerOk;
            measured.put("hidden" + h + ".positiveFromStep", turn > 0 ? turn : null);
            measured.put("hidden" + h + ".lastNonPositiveStep", lastNonPositiveStep > 0 ? lastNonPositiveStep : null);
            finding.append(finding.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "hidden layer %d: ", h));
            if (turn < 0) {
                finding.append(String.format(Locale.ROOT, "the running mean of δᵀWBδ over %d samples is %.4g at the last sample "
                        + "(step %d), not positive", window, lastNonPositiveMean, last));
            } else {
                finding.append(String.format(Locale.ROOT, "the running mean of δᵀWBδ over %d samples stays positive from step %d to "
                        + "the last sample (step %d)", window, turn, last));
                if (lastNonPositiveStep > 0) {
                    finding.append(String.format(Locale.ROOT, "; it was %.4g at step %d", lastNonPositiveMean, lastNonPositiveStep));
                }
            }
        }
        finding.append(String.format(Locale.ROOT, "; required positive from step %d at the latest", byStep));
        return ModelChecks.report("condition-one-acquired", "condition (1) eᵀWBe > 0 is acquired during training and then holds",
                "eq. (1), §1.2 (insight 2)", Map.of("byStep", byStep, "window", window, "every", every), measured,
                Map.of("byStep", (double) byStep), ok, finding.toString());
    }

    /**
     * Checks that the running mean of {@code Δh_FA ∡ Δh_BP} over the last {@code window} samples is below
     * {@code maxAngleDegrees} for every monitored hidden layer at the end of the run.
     */
    public CheckReport finalAngleBelow(double maxAngleDegrees, int window) {
        ModelChecks.requireAngle(maxAngleDegrees);
        requireSamples(window);
        Map<String, Object> measured = new LinkedHashMap<>();
        boolean ok = true;
        StringBuilder finding = new StringBuilder();
        for (int h : hiddenLayers()) {
            List<Sample> s = samples(h);
            double first = s.get(0).angle();
            double sum = 0;
            for (int i = s.size() - window; i < s.size(); i++) {
                sum += s.get(i).angle();
            }
            double mean = sum / window;
            ok &= mean < maxAngleDegrees;
            measured.put("hidden" + h + ".firstAngle", first);
            measured.put("hidden" + h + ".finalAngle", mean);
            finding.append(finding.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                    "hidden layer %d: Δh_FA∡Δh_BP %.2f° at step %d, %.2f° over the last %d samples (to step %d)", h, first,
                    s.get(0).step(), mean, window, s.get(s.size() - 1).step()));
        }
        finding.append(String.format(Locale.ROOT, "; required below %.2f°", maxAngleDegrees));
        return ModelChecks.report("hidden-updates-align-during-training", "the hidden updates of feedback alignment come within the "
                        + "threshold of backprop's by the end of training", "Fig. 1e, Fig. 2b",
                Map.of("maxAngleDegrees", maxAngleDegrees, "window", window, "every", every), measured,
                Map.of("maxAngleDegrees", maxAngleDegrees), ok, finding.toString());
    }

    private List<Integer> hiddenLayers() {
        return layers.stream().map(l -> l - 1).toList();
    }

    private void requireSamples(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 sample, got " + window);
        }
        int n = samples(hiddenLayers().get(0)).size();
        if (n < window) {
            throw new IllegalStateException("the monitor has " + n + " samples per layer, fewer than the window of " + window
                    + "; add it to the Trainer with Trainer.Builder.listener(...) and train (or sample more often)");
        }
    }
}
