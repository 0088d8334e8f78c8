package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.datasets.Mnist;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./fa4j reproduce all --quick} in-process (master seed 1411024) gives the numbers of the golden results in
 * {@code src/test/resources/golden/quick/} bit for bit, on one thread and on two (the golden files come from one; the
 * trials then run in parallel, and the results must not depend on it): every number of every result JSON, without the
 * wall-clock fields {@link #EXCLUDED}. A refactoring must not change a single bit; a deliberate change of the science
 * updates the golden files in a commit of its own (see {@code golden/README.md}).
 */
class GoldenQuickResultsTest {
    /** The wall-clock fields of a result: when it was written and how long it took. Nothing else is excluded. */
    static final Set<String> EXCLUDED = Set.of("createdUtc", "wallTimeSeconds");
    /** The result files of {@code reproduce all} (figS1 is written by fig2's runs). */
    static final List<String> FILES = List.of("family", "fashion", "fig1", "fig2", "fig2d", "fig3", "fig4");

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void quickReproductionGivesTheGoldenNumbers(int threads) throws IOException {
        assumeTrue(QuickRuns.mnistPresent(), "no MNIST in " + QuickRuns.dataDir() + " (CI=true makes this a failure)");
        Path fashion = QuickRuns.dataDir().resolve("fashion-mnist");
        if (!Mnist.hasFiles(fashion) && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but there is no Fashion-MNIST in " + fashion + ": run bin/fetch-data first");
        }
        assumeTrue(Mnist.hasFiles(fashion), "no Fashion-MNIST in " + fashion + " (CI=true makes this a failure)");

        Path dir = out.resolve("threads-" + threads);
        Experiments.runAll(new RunOptions(dir, QuickRuns.dataDir(), 0, threads, QuickRuns.SEED, true, true, 0, 0));

        ObjectMapper json = new ObjectMapper();
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> written.add(n.substring(0, n.length() - ".json".length())));
        }
        assertThat(written).as("result files of reproduce all --quick").containsExactlyInAnyOrderElementsOf(FILES);
        List<String> differences = new ArrayList<>();
        for (String name : FILES) {
            Object expected;
            try (InputStream in = getClass().getResourceAsStream("/golden/quick/" + name + ".json")) {
                assertThat(in).as("golden file golden/quick/" + name + ".json").isNotNull();
                expected = json.readValue(in, Map.class);
            }
            Object actual = json.readValue(dir.resolve(name + ".json").toFile(), Map.class);
            differences.addAll(GoldenJson.differences(name + ".json", expected, actual, EXCLUDED));
        }
        assertThat(differences).as("numbers that differ from the golden quick results (file, JSON path, expected, actual)")
                .isEmpty();
    }
}
