package org.fa4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.datasets.Mnist;

/** Runs each quick experiment once per test JVM (several test classes assert on the same run). */
final class QuickRuns {
    static final long SEED = 1411024L;
    private static final Map<String, ExperimentResult> CACHE = new ConcurrentHashMap<>();
    private static Path out;

    private QuickRuns() {
    }

    static synchronized Path out() {
        if (out == null) {
            try {
                out = Files.createTempDirectory("fa4j-quick");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    static RunOptions options(Path dataDir) {
        return new RunOptions(out(), dataDir, 0, 1, SEED, true, true, 0, 0);
    }

    static synchronized ExperimentResult run(Experiment e, Path dataDir) {
        return CACHE.computeIfAbsent(e.name(), k -> e.run(options(dataDir)));
    }

    static ExperimentResult run(Experiment e) {
        return run(e, dataDir());
    }

    /**
     * The data directory: the system property {@code fa4j.data} (the pom passes {@code -Dfa4j.data}, else
     * {@code FA4J_DATA}, else the repository's data/), else {@code $FA4J_DATA}, else ../data (tests run in fa-experiments/).
     */
    static Path dataDir() {
        String p = System.getProperty("fa4j.data");
        if (p == null || p.isBlank()) {
            p = System.getenv("FA4J_DATA");
        }
        return p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "data").toAbsolutePath().normalize();
    }

    /** True if MNIST is present; under CI=true its absence is a failure, elsewhere the MNIST tests are skipped. */
    static boolean mnistPresent() {
        boolean present = Mnist.hasFiles(dataDir().resolve("mnist"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but there is no MNIST in " + dataDir().resolve("mnist") + ": run bin/fetch-data first");
        }
        return present;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String experiment) throws IOException {
        return new ObjectMapper().readValue(out().resolve(experiment + ".json").toFile(), Map.class);
    }

    static double num(Map<String, Object> summary, String key) {
        Object v = summary.get(key);
        if (!(v instanceof Number n)) {
            throw new AssertionError("summary has no number '" + key + "': " + summary.keySet());
        }
        return n.doubleValue();
    }
}
