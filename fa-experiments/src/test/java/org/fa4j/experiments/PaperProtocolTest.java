package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper protocol, CI-sized: it runs every phase, reports paired differences, and a rerun trains nothing and changes nothing. */
class PaperProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private ExperimentResult run() {
        return new PaperProtocol().run(new RunOptions(out, QuickRuns.dataDir(), 0, 2, QuickRuns.SEED, true, true, 0, 0));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result() throws IOException {
        return JSON.readValue(out.resolve("mnist-paper.json").toFile(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQuickRunChoosesOnValidationPairsByTrialAndARerunChangesNothing() throws IOException {
        assumeTrue(QuickRuns.mnistPresent(), "no MNIST in " + QuickRuns.dataDir() + " (CI=true makes this a failure)");
        ExperimentResult first = run();
        Map<String, Object> a = result();
        Map<String, Object> summary = (Map<String, Object>) a.get("summary");
        assertThat(summary).containsKeys("omega", "beta", "epochs", "paired_faMinusBp", "paired_shallowMinusBp");
        assertThat((Integer) summary.get("epochs")).isBetween(1, 4);
        List<Map<String, Object>> table = (List<Map<String, Object>>) ((Map<String, Object>) a.get("metrics")).get("table");
        assertThat(table).extracting(r -> r.get("rule")).containsExactly("bp", "fa", "shallow");
        // The paired differences are the per-trial test errors at the chosen epoch, FA minus BP.
        Map<String, Object> metrics = (Map<String, Object>) a.get("metrics");
        List<List<Double>> bp = (List<List<Double>>) metrics.get("testErrorPercent_bp");
        List<List<Double>> fa = (List<List<Double>>) metrics.get("testErrorPercent_fa");
        List<Double> d = (List<Double>) metrics.get("paired_faMinusBp");
        int t = (Integer) summary.get("epochs");
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.get(i)).isEqualTo(fa.get(i).get(t) - bp.get(i).get(t));
        }
        // Finished runs keep no weights.
        try (Stream<Path> s = Files.list(out.resolve("mnist-paper"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".model"))).isEmpty();
        }
        double compute = ((Number) summary.get("computeSeconds")).doubleValue();
        run();
        Map<String, Object> b = result();
        assertThat(b.get("metrics")).isEqualTo(a.get("metrics"));
        assertThat(((Map<String, Object>) b.get("summary")).get("computeSeconds")).isEqualTo(compute); // no run trained again
        assertThat(first.summary().get("omega")).isEqualTo(((Map<String, Object>) b.get("summary")).get("omega"));
    }

    @Test
    void helpers() {
        assertThat(PaperProtocol.argmin(new double[] {0.9, 0.5, 0.3, 0.3, 0.4}, 1)).isEqualTo(2);
        assertThat(PaperProtocol.argmin(new double[] {0.1, 0.5}, 1)).isEqualTo(1); // epoch 0 never counts
        assertThat(PaperProtocol.label(0.3)).isEqualTo("0.3");
        assertThat(PaperProtocol.label(10.0)).isEqualTo("10");
        assertThat(PaperProtocol.label(1e-4)).isEqualTo("0.0001");
        assertThat(GridSearch.round(0.3 * 0.3 / 0.1)).isEqualTo(0.9);
        assertThat(GridSearch.round(10 * 10 / 3.0)).isEqualTo(33.3);
    }
}
