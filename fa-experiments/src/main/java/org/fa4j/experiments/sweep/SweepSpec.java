package org.fa4j.experiments.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fa4j.experiments.ConfigTrial;
import org.fa4j.experiments.TrainRunConfig;

/**
 * A sweep file ({@code configs/sweeps/*.json}): a base training config, grid axes over its fields, a number of seeds
 * and the metrics each trial keeps. Every combination of axis values, times every seed, is one {@link Trial}.
 * Unknown, repeated, missing or bad fields are rejected with a message that names the file and the field.
 *
 * <pre>{@code
 * {"version": 1, "name": "quick", "seed": 1411024, "seeds": 2,
 *  "base": { ...the fields of a train config, without "trials" and "seed"... },
 *  "grid": {"rule": ["bp", "fa"], "eta": [0.5, 1.2]},
 *  "trainExamples": 10000, "testExamples": 2000,
 *  "metrics": ["testErrorPerEpoch", "finalTestError"]}
 * }</pre>
 *
 * @param version       sweep format version, 1
 * @param name          the sweep's name (letters, digits, '.', '_', '-'); it goes into every result
 * @param seed          the sweep's master seed; each trial's seed derives from it and the trial's key
 * @param seeds         how many seeds (replicates) each grid point runs, at least 1
 * @param base          the base config as JSON, in the form of {@link TrainRunConfig} without {@code trials} and
 *                      {@code seed}
 * @param grid          axis name (a field of the base config) to its values, in the file's order
 * @param trainExamples the first this many training examples are trained on; 0 means all
 * @param testExamples  the first this many test examples are evaluated; 0 means all
 * @param metrics       the metrics each result keeps, from {@link #METRICS}
 */
public record SweepSpec(int version, String name, long seed, int seeds, ObjectNode base, Map<String, List<JsonNode>> grid,
                        int trainExamples, int testExamples, List<String> metrics) {

    /** The metrics a trial can keep. */
    public static final List<String> METRICS = List.of("testErrorPerEpoch", "finalTestError", "trainLossPerEpoch", "finalTrainLoss");
    /** The fields of a sweep file, in order. */
    static final List<String> FIELDS = List.of("version", "name", "seed", "seeds", "base", "grid", "trainExamples", "testExamples", "metrics");
    /** Fields of a train config that the sweep sets itself. */
    static final List<String> SET_BY_SWEEP = List.of("trials", "seed");

    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** Checks every field; the message names the field, its value and the expectation. */
    public SweepSpec {
        require(version == 1, "version", version, "1");
        require(name != null && name.matches("[A-Za-z0-9._-]+"), "name", name, "letters, digits, '.', '_' or '-'");
        require(seeds >= 1, "seeds", seeds, "at least 1");
        require(trainExamples >= 0, "trainExamples", trainExamples, "0 (all) or a positive count");
        require(testExamples >= 0, "testExamples", testExamples, "0 (all) or a positive count");
        require(metrics != null && !metrics.isEmpty(), "metrics", metrics, "a non-empty list of " + METRICS);
        for (String m : metrics) {
            require(METRICS.contains(m), "metrics", m, "one of " + METRICS);
        }
        require(base != null, "base", null, "a train config object");
        base = base.deepCopy();
        Objects.requireNonNull(grid, "grid");
        Map<String, List<JsonNode>> g = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
            String axis = e.getKey();
            require(!SET_BY_SWEEP.contains(axis) && !axis.equals("version"), "grid." + axis, axis,
                    "a field of the train config other than version, trials and seed (the sweep's 'seeds' sets the seeds)");
            require(configFields().contains(axis), "grid." + axis, axis,
                    "a field of the train config: " + configFields());
            require(e.getValue() != null && !e.getValue().isEmpty(), "grid." + axis, e.getValue(), "a non-empty list of values");
            g.put(axis, List.copyOf(e.getValue()));
        }
        grid = java.util.Collections.unmodifiableMap(g);
        metrics = List.copyOf(metrics);
        for (String f : SET_BY_SWEEP) {
            require(!base.has(f), "base." + f, base.get(f), "absent: the sweep sets it (" + (f.equals("seed") ? "'seed' and the trial's key" : "one trial per seed") + ")");
        }
    }

    /** The field names of the train config. */
    static List<String> configFields() {
        return java.util.Arrays.stream(TrainRunConfig.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    /** The base config as JSON, a copy. */
    @Override
    public ObjectNode base() {
        return base.deepCopy();
    }

    /**
     * The sweep's trials: grid points in the order of the file's axes and values (the last axis varies fastest), each
     * with every seed. Each grid point's config is built and checked here, so a bad value fails before anything runs.
     */
    public List<Trial> trials() {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> axis : grid.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> p : points) {
                for (JsonNode v : axis.getValue()) {
                    Map<String, JsonNode> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<Trial> trials = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (Map<String, JsonNode> p : points) {
            ObjectNode cfg = base.deepCopy();
            p.forEach(cfg::set);
            cfg.put("trials", 1);
            cfg.put("seed", 0L);
            TrainRunConfig c = config(cfg, "grid point " + p.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()))
                    .collect(java.util.stream.Collectors.joining(",")));
            // The key names each axis value as the config holds it, axes sorted by name: stable under reordering.
            Map<String, String> axes = new TreeMap<>();
            for (String axis : p.keySet()) {
                axes.put(axis, Trial.render(component(c, axis)));
            }
            for (int r = 0; r < seeds; r++) {
                Trial t = Trial.of(name, seed, axes, r, c, trainExamples, testExamples, metrics);
                String clash = files.put(t.fileName(), t.key());
                if (clash != null) {
                    throw new IllegalArgumentException("sweep '" + name + "': trials " + clash + " and " + t.key()
                            + " would share the result file " + t.fileName() + "; give the axis values distinct names");
                }
                trials.add(t);
            }
        }
        return List.copyOf(trials);
    }

    private static Object component(TrainRunConfig c, String field) {
        try {
            return TrainRunConfig.class.getMethod(field).invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read config field " + field, e);
        }
    }

    /** A train config from JSON; a bad field gives a message naming {@code where} and the field. */
    static TrainRunConfig config(ObjectNode cfg, String where) {
        ObjectNode full = cfg.deepCopy();
        ConfigTrial.optionalConfigFields().forEach((field, value) -> {
            if (!full.has(field)) {
                full.put(field, value);
            }
        });
        for (String f : configFields()) {
            if (!full.has(f)) {
                throw new IllegalArgumentException(where + ": missing config field '" + f + "'");
            }
        }
        for (Iterator<String> it = full.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!configFields().contains(f)) {
                throw new IllegalArgumentException(where + ": unknown config field '" + f + "'; known fields: " + configFields());
            }
        }
        try {
            return strict().treeToValue(full, TrainRunConfig.class);
        } catch (IOException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(where + ": " + iae.getMessage(), e);
            }
            String msg = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? jm.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(where + ": " + msg, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper strict() {
        return new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("sweep field '" + field + "' is " + value + "; expected " + expected);
        }
    }

    /** Reads and checks a sweep file; every error names {@code file} and the field. */
    public static SweepSpec read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String what = e.getOriginalMessage();
            if (what != null && what.startsWith("Duplicate field ")) {
                throw new IllegalArgumentException(file + ": sweep field " + what.substring("Duplicate field ".length())
                        + " is given twice" + where + "; expected each field once", e);
            }
            throw new IllegalArgumentException(file + ": not valid JSON" + where + ": " + what, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the sweep file: " + e.getMessage(), e);
        }
        try {
            return of(tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A sweep from its JSON tree, checked as {@link #read} checks a file; the grid's configs are checked too. */
    public static SweepSpec of(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with the fields " + FIELDS);
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown sweep field '" + f + "'; known fields: " + FIELDS);
            }
        }
        for (String f : List.of("version", "name", "seed", "seeds", "base", "grid", "metrics")) {
            if (!tree.has(f)) {
                throw new IllegalArgumentException("missing sweep field '" + f + "'");
            }
        }
        JsonNode base = tree.get("base");
        if (!base.isObject()) {
            throw new IllegalArgumentException("sweep field 'base' is " + base + "; expected a train config object");
        }
        JsonNode grid = tree.get("grid");
        if (!grid.isObject()) {
            throw new IllegalArgumentException("sweep field 'grid' is " + grid + "; expected an object of axis name to a list of values");
        }
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException("sweep field 'grid." + e.getKey() + "' is " + e.getValue() + "; expected a list of values");
            }
            List<JsonNode> values = new ArrayList<>();
            e.getValue().forEach(values::add);
            axes.put(e.getKey(), values);
        }
        JsonNode metrics = tree.get("metrics");
        if (!metrics.isArray()) {
            throw new IllegalArgumentException("sweep field 'metrics' is " + metrics + "; expected a list of " + METRICS);
        }
        List<String> m = new ArrayList<>();
        metrics.forEach(n -> {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("sweep field 'metrics' holds " + n + "; expected names from " + METRICS);
            }
            m.add(n.asText());
        });
        SweepSpec s = new SweepSpec(integer(tree, "version"), text(tree, "name"), longValue(tree, "seed"), integer(tree, "seeds"),
                (ObjectNode) base, axes, tree.has("trainExamples") ? integer(tree, "trainExamples") : 0,
                tree.has("testExamples") ? integer(tree, "testExamples") : 0, m);
        ObjectNode check = s.base();
        check.put("trials", 1);
        check.put("seed", 0L);
        config(check, "sweep field 'base'");
        s.trials();
        return s;
    }

    private static int integer(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException("sweep field '" + field + "' is " + n + "; expected an integer");
        }
        return n.intValue();
    }

    private static long longValue(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("sweep field '" + field + "' is " + n + "; expected an integer");
        }
        return n.longValue();
    }

    private static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        if (!n.isTextual()) {
            throw new IllegalArgumentException("sweep field '" + field + "' is " + n + "; expected a string");
        }
        return n.asText();
    }
}
