package org.fa4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fa4j.datasets.io.AtomicFiles;

/**
 * Records per-epoch metrics and writes them as JSON when training ends (atomically: temporary file, then move).
 * Each epoch records {@code epoch}, {@code steps}, {@code examples}, {@code meanLoss}, {@code seconds} and every extra
 * metric added with {@link #metric}, e.g. the test error:
 * <pre>{@code
 * var metrics = new MetricsJsonListener(Path.of("fa.json"))
 *         .metric("testError", m -> Evaluation.of(m, testX, testY, la).errorRate());
 * }</pre>
 * The file holds {@code {"format":"fa4j-metrics","version":1,"model":…,"rule":…,"epochs":[…]}}.
 */
public final class MetricsJsonListener implements TrainingListener {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, ToDoubleFunction<Model>> metrics = new LinkedHashMap<>();
    private final ArrayNode epochs = MAPPER.createArrayNode();
    private Model model;

    /** Writes to {@code file} at the end of {@link Trainer#fit}. */
    public MetricsJsonListener(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Adds a metric computed from the model after every epoch. */
    public MetricsJsonListener metric(String name, ToDoubleFunction<Model> metric) {
        metrics.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(metric, "metric"));
        return this;
    }

    @Override
    public void onStep(StepContext step) {
        model = step.model();
    }

    @Override
    public void onEpoch(EpochSummary e) {
        ObjectNode n = epochs.addObject();
        n.put("epoch", e.epoch());
        n.put("steps", e.steps());
        n.put("examples", e.examples());
        n.put("meanLoss", e.meanLoss());
        n.put("seconds", e.nanos() / 1e9);
        for (Map.Entry<String, ToDoubleFunction<Model>> m : metrics.entrySet()) {
            n.put(m.getKey(), model == null ? Double.NaN : m.getValue().applyAsDouble(model));
        }
    }

    @Override
    public void onEnd(TrainingSummary s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "fa4j-metrics");
        root.put("version", 1);
        if (model != null) {
            root.put("model", model.spec().sizes());
            root.put("rule", model.rule().name());
        }
        root.put("steps", s.steps());
        root.put("seconds", s.nanos() / 1e9);
        root.set("epochs", epochs);
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(root));
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write metrics to " + file, ex);
        }
    }

    /** The metrics recorded so far, as JSON text. */
    public String json() {
        return epochs.toPrettyString();
    }
}
