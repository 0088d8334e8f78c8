package org.fa4j.experiments.sweep;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.datasets.Seeds;
import org.fa4j.experiments.TrainRunConfig;

/**
 * One job of a sweep: one grid point's config with one seed. An immutable, serialisable value (it travels to a Spark
 * executor as it is) with a stable key, {@code <axis>=<value>,...,seed=<replicate>} with the axes sorted by name. The
 * trial's seed is {@code Seeds.derive(sweepSeed, key, 0)}: it depends on the sweep's seed and the key only, never on the
 * order, thread or machine a trial runs on, so a trial's result is the same wherever it runs.
 *
 * @param sweep         the sweep's name
 * @param key           the stable key
 * @param axes          the grid point: axis name to the value as the config holds it, sorted by name
 * @param replicate     which of the sweep's seeds, from 0
 * @param seed          the trial's seed, the {@code seed} of {@link #configJson}
 * @param configJson    the trial's train config as JSON ({@code trials} 1, {@code seed} the trial's seed)
 * @param trainExamples the first this many training examples are trained on; 0 means all
 * @param testExamples  the first this many test examples are evaluated; 0 means all
 * @param metrics       the metrics the result keeps
 */
public record Trial(String sweep, String key, SortedMap<String, String> axes, int replicate, long seed, String configJson,
                    int trainExamples, int testExamples, List<String> metrics) implements Serializable {

    private static final long serialVersionUID = 1L;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the collections, so the value stays immutable. */
    public Trial {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(configJson, "configJson");
        axes = Collections.unmodifiableSortedMap(new TreeMap<>(axes));
        metrics = List.copyOf(metrics);
    }

    /** The trial of grid point {@code axes}, seed {@code replicate}, of a sweep with master seed {@code sweepSeed}. */
    static Trial of(String sweep, long sweepSeed, Map<String, String> axes, int replicate, TrainRunConfig gridPoint,
                    int trainExamples, int testExamples, List<String> metrics) {
        String key = key(axes, replicate);
        long seed = seed(sweepSeed, key);
        try {
            String json = JSON.writeValueAsString(gridPoint.withTrials(1).withSeed(seed));
            return new Trial(sweep, key, new TreeMap<>(axes), replicate, seed, json, trainExamples, testExamples, metrics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of grid point {@code axes} with seed {@code replicate}: axes sorted by name, then the seed. */
    public static String key(Map<String, String> axes, int replicate) {
        String point = new TreeMap<>(axes).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return (point.isEmpty() ? "" : point + ",") + "seed=" + replicate;
    }

    /** The seed of the trial with key {@code key} in a sweep with master seed {@code sweepSeed}. */
    public static long seed(long sweepSeed, String key) {
        return Seeds.derive(sweepSeed, key, 0);
    }

    /** An axis value as it appears in a key: strings as they are, numbers in Java's form, lists as compact JSON. */
    static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trial's train config. */
    public TrainRunConfig config() {
        try {
            return JSON.readValue(configJson, TrainRunConfig.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("trial " + key + ": cannot read its config", e);
        }
    }

    /** The name of the trial's result file: the key with ',' as '_' and other characters outside [A-Za-z0-9.=_-] as '_'. */
    public String fileName() {
        return key.replace(',', '_').replaceAll("[^A-Za-z0-9.=_-]", "_") + ".json";
    }
}
