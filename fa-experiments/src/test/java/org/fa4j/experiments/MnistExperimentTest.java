package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quick Fig. 2 run on the real MNIST (5000 training images, 200 hidden units): qualitative outcomes. */
class MnistExperimentTest {

    @BeforeEach
    void needsMnist() {
        assumeTrue(QuickRuns.mnistPresent(), "no MNIST in " + QuickRuns.dataDir() + " (CI=true makes this a failure)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> table() throws Exception {
        QuickRuns.run(MnistExperiment.fig2());
        Map<String, Object> metrics = (Map<String, Object>) QuickRuns.json("fig2").get("metrics");
        Map<String, Map<String, Object>> byKey = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) metrics.get("table")) {
            byKey.put(row.get("rule") + "/" + row.get("schedule"), row);
        }
        return byKey;
    }

    private static double err(Map<String, Map<String, Object>> t, String key) {
        return ((Number) t.get(key).get("testErrorPercentMean")).doubleValue();
    }

    @Test
    void backpropAndFeedbackAlignmentLearnFarBelowChanceAndBeatShallowLearning() throws Exception {
        Map<String, Map<String, Object>> t = table();
        assertThat(err(t, "bp/fast")).isLessThan(30);
        assertThat(err(t, "fa/fast")).isLessThan(30);
        assertThat(err(t, "sparse-fa/fast")).isLessThan(40);
        assertThat(err(t, "shallow/fast")).isGreaterThan(err(t, "bp/fast")).isGreaterThan(err(t, "fa/fast"));
    }

    /** The paper's η = 1e-3 schedule is the paper protocol's own experiment; fig2's table has the fast schedule only. */
    @Test
    void theTableHasTheFastScheduleOfEveryRuleAndThePapersNumbers() throws Exception {
        Map<String, Map<String, Object>> t = table();
        assertThat(t).containsOnlyKeys("bp/fast", "fa/fast", "shallow/fast", "sparse-fa/fast");
        assertThat(t.get("fa/fast").get("paper")).isEqualTo("2.1% (n = 20)");
        assertThat(((Number) t.get("bp/fast").get("batch")).intValue()).isEqualTo(MnistExperiment.FAST_BATCH);
    }

    /**
     * The result names the data it was computed from: each MNIST file with its SHA-256, which must be the digest
     * bin/fetch-data installs it under (the known answer, read from that script), and the kernel path that ran.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theResultRecordsTheDigestsOfTheDataItRead() throws Exception {
        QuickRuns.run(MnistExperiment.fig2());
        Map<String, Object> json = QuickRuns.json("fig2");
        Map<String, Object> mnist = (Map<String, Object>) ((Map<String, Object>) json.get("data")).get("mnist");
        assertThat(mnist).hasSize(4);
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("..", "bin", "fetch-data"));
        for (Map.Entry<String, Object> f : mnist.entrySet()) {
            String sha = f.getValue().toString();
            assertThat(sha).startsWith("sha256:");
            assertThat(script).as(f.getKey()).contains("\"" + f.getKey().replace(".gz", "") + " " + sha.substring("sha256:".length()) + "\"");
        }
        assertThat(((Map<String, Object>) json.get("software")).get("kernels").toString()).containsPattern("^(VECTOR|SCALAR) \\(");
    }

    /** Every rule's final test error is paired with BP's of the same trial (same forward draws, same example order). */
    @Test
    @SuppressWarnings("unchecked")
    void everyRuleIsPairedWithBackpropByTrial() throws Exception {
        QuickRuns.run(MnistExperiment.fig2());
        Map<String, Object> json = QuickRuns.json("fig2");
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        List<List<Number>> bp = (List<List<Number>>) metrics.get("testErrorPercent_fast_bp");
        for (String rule : List.of("fa", "shallow", "sparse-fa")) {
            List<List<Number>> r = (List<List<Number>>) metrics.get("testErrorPercent_fast_" + rule);
            List<Number> d = (List<Number>) metrics.get("paired_" + rule + "MinusBp");
            assertThat(d).as(rule).hasSize(bp.size());
            for (int t = 0; t < d.size(); t++) {
                double expected = r.get(t).getLast().doubleValue() - bp.get(t).getLast().doubleValue();
                assertThat(d.get(t).doubleValue()).as(rule + " trial " + t).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(((Map<String, Object>) json.get("summary")).get("paired_" + rule + "MinusBp").toString())
                    .contains("n = " + bp.size() + " pairs").contains(rule + " lower than BP in ");
        }
        assertThat(metrics).doesNotContainKey("paired_bpMinusBp");
    }

    @Test
    void faSignalAlignsWithBackpropsDuringLearning() throws Exception {
        QuickRuns.run(MnistExperiment.fig2());
        @SuppressWarnings("unchecked")
        Map<String, Object> angle = (Map<String, Object>) ((Map<String, Object>) QuickRuns.json("fig2").get("metrics")).get("angle_fast_fa");
        @SuppressWarnings("unchecked")
        List<Number> mean = (List<Number>) angle.get("mean");
        assertThat(mean.get(0).doubleValue()).isGreaterThan(75);
        assertThat(mean.get(mean.size() - 1).doubleValue()).isLessThan(70).isLessThan(mean.get(0).doubleValue() - 10);
    }

    @Test
    void hyperparametersComeFromTheValidationGridsAndFigS1IsWritten() throws Exception {
        ExperimentResult r = QuickRuns.run(MnistExperiment.fig2());
        assertThat(r.summary().get("fastDecay")).isEqualTo(MnistExperiment.FAST_DECAY.id());
        assertThat(r.summary().get("searchProtocol").toString()).contains("short schedule: triangle:0.5, batch 10, 1 epochs").contains("whole fast schedule: triangle:0.05, 3 epochs")
                .contains("hidden 200");
        assertThat(r.figures()).contains("fig2a.png", "fig2a.svg", "fig2b.png", "figS1.png");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(QuickRuns.out().resolve("figS1.png").toFile());
        assertThat(img.getWidth()).isGreaterThan(2 * 10 * 56);
        assertThat(Files.size(QuickRuns.out().resolve("fig2a.svg"))).isGreaterThan(1000);
    }

    /**
     * Each chosen value is the lowest mean validation error of its logged grid; each logged mean is the mean of the
     * seeds' (and, for ω_out and η, both rules') errors; a choice at the edge of its grid says so in its reason.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachSearchChoiceIsTheArgminOfItsLoggedMultiSeedValidationRuns() throws Exception {
        QuickRuns.run(MnistExperiment.fig2());
        Map<String, Object> json = QuickRuns.json("fig2");
        Map<String, Object> search = (Map<String, Object>) ((Map<String, Object>) json.get("metrics")).get("validationSearch");
        Map<String, Object> summary = (Map<String, Object>) json.get("summary");
        Map<String, Object> choices = (Map<String, Object>) json.get("choices");
        Map<String, String> summaryKey = Map.of("omega", "omega", "outputOmega", "outputOmega", "beta", "beta", "eta", "fastEta",
                "shallowOmega", "shallowOmega", "shallowEta", "shallowEta");
        assertThat(search).containsOnlyKeys(summaryKey.keySet());
        for (Map.Entry<String, String> k : summaryKey.entrySet()) {
            Map<String, Object> grid = (Map<String, Object>) search.get(k.getKey());
            assertThat(grid).as(k.getKey()).hasSizeGreaterThanOrEqualTo(3);
            int perValue = k.getKey().equals("eta") || k.getKey().equals("outputOmega") ? 2 * MnistExperiment.SEARCH_SEEDS : MnistExperiment.SEARCH_SEEDS;
            double best = Double.NaN;
            double bestErr = Double.POSITIVE_INFINITY;
            List<Double> values = new java.util.ArrayList<>();
            for (Map.Entry<String, Object> v : grid.entrySet()) {
                Map<String, Object> point = (Map<String, Object>) v.getValue();
                List<Number> runs = (List<Number>) point.get("perSeedAndRule");
                assertThat(runs).as(k.getKey() + " " + v.getKey()).hasSize(perValue);
                double mean = ((Number) point.get("meanValidationError")).doubleValue();
                assertThat(mean).isCloseTo(runs.stream().mapToDouble(Number::doubleValue).average().orElseThrow(),
                        org.assertj.core.api.Assertions.within(1e-12));
                double value = Double.parseDouble(v.getKey());
                values.add(value);
                if (mean < bestErr) {
                    bestErr = mean;
                    best = value;
                }
            }
            assertThat(QuickRuns.num(summary, k.getValue())).as(k.getKey()).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-6));
            boolean edge = best == java.util.Collections.min(values) || best == java.util.Collections.max(values);
            assertThat(choices.get(k.getKey()).toString().contains("still at the grid's edge")).as(k.getKey()).isEqualTo(edge);
        }
    }
}
