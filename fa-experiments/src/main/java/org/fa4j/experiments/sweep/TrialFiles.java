package org.fa4j.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fa4j.datasets.io.AtomicFiles;

/**
 * A trial's result file, {@code <out>/<key as file name>.json}: the trial (sweep, key, axes, seed, config, data
 * slice), the kernel path, the status and the metrics the sweep keeps. It holds no time, host or process, so a trial
 * gives the same bytes wherever it runs. A file is valid for a trial when it parses, its trial part equals the
 * trial's and it has a final status and every metric; a rerun skips the trials with valid files.
 */
public final class TrialFiles {
    /** The format of a trial's result file. */
    public static final String FORMAT = "fa4j-sweep-trial/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrialFiles() {
    }

    /** Where {@code trial}'s result lands in {@code out}. */
    public static Path file(Path out, Trial trial) {
        return out.resolve(trial.fileName());
    }

    /** The trial part of a result: everything but the kernel path, the status and the metrics. */
    static ObjectNode header(Trial t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("sweep", t.sweep());
        n.put("key", t.key());
        ObjectNode axes = n.putObject("axes");
        t.axes().forEach(axes::put);
        n.put("replicate", t.replicate());
        n.put("seed", t.seed());
        try {
            n.set("config", JSON.readTree(t.configJson()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode data = n.putObject("data");
        data.put("trainExamples", t.trainExamples());
        data.put("testExamples", t.testExamples());
        return n;
    }

    /** The result file's text for {@code trial} and its result {@code r}. */
    public static String render(Trial trial, TrialResult r) {
        if (!trial.key().equals(r.key())) {
            throw new IllegalArgumentException("result " + r.key() + " is not of trial " + trial.key());
        }
        ObjectNode n = header(trial);
        n.put("kernels", r.kernels());
        n.put("status", r.status());
        if (r.message() != null) {
            n.put("message", r.message());
        }
        ObjectNode m = n.putObject("metrics");
        double[] err = r.testErrorPerEpoch();
        double[] loss = r.trainLossPerEpoch();
        for (String name : trial.metrics()) {
            switch (name) {
                case "testErrorPerEpoch" -> array(m.putArray(name), err);
                case "finalTestError" -> putLast(m, name, err);
                case "trainLossPerEpoch" -> array(m.putArray(name), loss);
                case "finalTrainLoss" -> putLast(m, name, loss);
                default -> throw new IllegalArgumentException("unknown metric " + name + "; known: " + SweepSpec.METRICS);
            }
        }
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static void putLast(ObjectNode m, String name, double[] v) {
        if (v.length == 0) {
            m.putNull(name);
        } else {
            m.put(name, v[v.length - 1]);
        }
    }

    /** Writes {@code trial}'s result file in {@code out} atomically; returns its path. */
    public static Path write(Path out, Trial trial, TrialResult r) {
        Path f = file(out, trial);
        try {
            return AtomicFiles.writeString(f, render(trial, r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** True when {@code out} holds a valid result of {@code trial} (see the class comment). */
    public static boolean valid(Path out, Trial trial) {
        Path f = file(out, trial);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        JsonNode n;
        try {
            n = JSON.readTree(f.toFile());
        } catch (IOException e) {
            return false;
        }
        if (n == null || !n.isObject()) {
            return false;
        }
        ObjectNode rest = ((ObjectNode) n).deepCopy();
        JsonNode status = rest.remove("status");
        JsonNode metrics = rest.remove("metrics");
        JsonNode kernels = rest.remove("kernels");
        rest.remove("message");
        if (!rest.equals(header(trial)) || kernels == null || !kernels.isTextual() || status == null || metrics == null
                || !metrics.isObject()) {
            return false;
        }
        if (status.asText().equals("diverged")) {
            return true;
        }
        return status.asText().equals("complete") && trial.metrics().stream().allMatch(metrics::has);
    }
}
