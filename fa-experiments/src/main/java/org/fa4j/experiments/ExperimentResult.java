package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.datasets.io.Digests;
import org.fa4j.datasets.io.IoErrors;
import org.fa4j.simd.VectorSupport;

/**
 * One experiment's versioned JSON result: configuration, the protocol choices the paper leaves open (each with its
 * reason), seeds, metrics, summary, the paper's claim, software version and wall time. Built up by the experiment,
 * then written atomically (temporary file, then move).
 *
 * <p>The keys come in a fixed order, so two runs' files can be diffed: the sections in the order of {@link #toMap},
 * each section's entries in the order they were recorded, and the entries of a map without an order of its own
 * ({@link Map#of}) sorted by key. Numbers are Jackson's shortest round-tripping form, the same in every run.
 */
public final class ExperimentResult {
    /** The result schema; bump when a field changes meaning. */
    public static final String SCHEMA = "fa4j-result/1";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String experiment;
    private final long started = System.nanoTime();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Map<String, String> choices = new LinkedHashMap<>();
    private final Map<String, Object> seeds = new LinkedHashMap<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final Map<String, Object> paper = new LinkedHashMap<>();
    private final List<String> figures = new ArrayList<>();
    private String status;
    private String error;

    /** A result for the experiment named {@code experiment}; the wall clock starts now. */
    public ExperimentResult(String experiment) {
        this.experiment = experiment;
    }

    /** The experiment's name. */
    public String experiment() {
        return experiment;
    }

    private <V> ExperimentResult put(Map<String, V> section, String key, V value) {
        section.put(key, value);
        return this;
    }

    /**
     * Records the data set the result was computed from: each file's name and SHA-256, so that a reader can tell
     * which copy of the data gave the numbers.
     */
    public ExperimentResult data(String dataset, List<Path> files) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                digests.put(f.getFileName().toString(), "sha256:" + Digests.sha256(f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + IoErrors.describe(e), e);
            }
        }
        return put(data, dataset, digests);
    }

    /** Records a configuration value. */
    public ExperimentResult config(String key, Object value) {
        return put(config, key, value);
    }

    /** Records a choice the paper leaves open, with the reason for it. */
    public ExperimentResult choice(String what, String valueAndReason) {
        return put(choices, what, valueAndReason);
    }

    /** Records a seed. */
    public ExperimentResult seed(String stream, Object seed) {
        return put(seeds, stream, seed);
    }

    /** Records a metric series (per step or per epoch). */
    public ExperimentResult metric(String key, Object series) {
        return put(metrics, key, series);
    }

    /** Records a summary number. */
    public ExperimentResult summary(String key, Object value) {
        return put(summary, key, value);
    }

    /** Records what the paper states for comparison. */
    public ExperimentResult paper(String key, Object value) {
        return put(paper, key, value);
    }

    /** Records a figure file name (relative to the results directory). */
    public ExperimentResult figure(String file) {
        figures.add(file);
        return this;
    }

    /**
     * Marks the run's state ({@code running}, {@code complete}, {@code diverged}) and, for a failed run, the reason
     * ({@code null} for none); both go to the JSON only once set, so results of the figures do not carry them.
     */
    public ExperimentResult status(String state, String reason) {
        this.status = state;
        this.error = reason;
        return this;
    }

    /** The state set by {@link #status(String, String)}, or {@code null}. */
    public String status() {
        return status;
    }

    /** The summary so far (read-only use). */
    public Map<String, Object> summary() {
        return summary;
    }

    /** The paper's claims so far (read-only use). */
    public Map<String, Object> paper() {
        return paper;
    }

    /** The figure files so far. */
    public List<String> figures() {
        return figures;
    }

    /** The JSON tree. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("experiment", experiment);
        if (status != null) {
            m.put("status", status);
        }
        if (error != null) {
            m.put("error", error);
        }
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", "fa4j");
        software.put("version", Version.VERSION);
        software.put("java", System.getProperty("java.version"));
        software.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        software.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        software.put("kernels", VectorSupport.path() + " (" + VectorSupport.reason() + ")");
        m.put("software", software);
        m.put("command", System.getProperty("fa4j.command", "(API call)"));
        m.put("createdUtc", Instant.now().toString());
        m.put("wallTimeSeconds", (System.nanoTime() - started) / 1e9);
        m.put("config", ordered(config));
        m.put("choices", choices);
        m.put("seeds", ordered(seeds));
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        m.put("paper", ordered(paper));
        m.put("summary", ordered(summary));
        m.put("figures", figures);
        m.put("metrics", ordered(metrics));
        return m;
    }

    /**
     * {@code value} with every map inside it in a fixed order: maps that keep an order (insertion, sorted) keep it,
     * and maps that have none ({@link Map#of}, {@link java.util.HashMap}), whose iteration order changes from JVM to
     * JVM, are sorted by key. Lists are copied the same way; other values are returned as they are.
     */
    static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), ordered(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(ordered(e)));
            return out;
        }
        return value;
    }

    /** Elapsed seconds since construction. */
    public double wallSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Writes {@code <dir>/<experiment>.json} atomically and returns its path. */
    public Path write(Path dir) {
        return write(dir, experiment);
    }

    /** Writes {@code <dir>/<fileStem>.json} atomically and returns its path (e.g. a run's {@code .partial} file). */
    Path write(Path dir, String fileStem) {
        try {
            return AtomicFiles.writeStream(dir.resolve(fileStem + ".json"), stream -> JSON.writeValue(stream, toMap()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + experiment + " to " + dir.resolve(fileStem + ".json")
                    + ": " + IoErrors.describe(e), e);
        }
    }
}
