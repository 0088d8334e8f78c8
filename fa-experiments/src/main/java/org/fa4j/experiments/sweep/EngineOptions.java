package org.fa4j.experiments.sweep;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How an engine runs a sweep.
 *
 * @param dataDir  the directory that holds {@code <dataset>/} (the same path on every machine of a cluster)
 * @param threads  trials in parallel for the local engine, at least 1
 * @param master   the cluster an engine connects to (Spark: {@code local[N]}, {@code spark://HOST:PORT}, {@code yarn},
 *                 {@code k8s://...}), or null for the engine's default
 * @param settings engine-specific settings (Spark: its {@code spark.*} properties)
 */
public record EngineOptions(Path dataDir, int threads, String master, Map<String, String> settings) {

    /** Checks the thread count and copies the settings. */
    public EngineOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
        settings = Map.copyOf(settings);
    }
}
