package org.fa4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.fa4j.core.BatchScaling;
import org.fa4j.datasets.io.IoErrors;

/**
 * The {@code fa4j train --config FILE.json} record: any layer sizes, rule and data set. Unknown, repeated or bad
 * fields are rejected with a message that names the field, and so is a value of the wrong JSON type for its
 * component: a fraction or a quoted number where an integer belongs ({@code "batch": 100.5} is not read as 100), a
 * number where a string belongs ({@link JsonTypes}).
 *
 * @param version     config format version, 1
 * @param dataset     "mnist" or "fashion-mnist"
 * @param hiddenSizes hidden layer sizes, e.g. [1000]
 * @param hidden      hidden activation: logistic, tanh, relu
 * @param output      output activation: logistic or linear
 * @param rule        bp, fa, sparse-fa, shallow, dfa, sign-symmetry, kolen-pollack, weight-mirror
 * @param eta         learning rate η (the initial one, with a decaying schedule)
 * @param batchScaling "mean": W ← W(1 − ηα) + (η/batch)·Σ_batch δhᵀ (η per update), or "sum": W ← W(1 − ηα) + η·Σ_batch δhᵀ
 *                    (η per example); required, so that η's meaning is never implied (fa-core's {@link BatchScaling})
 * @param batch       mini-batch size
 * @param epochs      passes over the training set
 * @param weightDecay α in the update above (Kolen–Pollack adds its own λ)
 * @param omega       forward weights ~ U[-ω, ω]
 * @param beta        feedback weights ~ U[-β, β]
 * @param trials      independent runs (new weights and B each)
 * @param seed        master seed
 * @param schedule    how η changes over the run, per update: "constant", "linear" (to 0), "cosine" (to 0),
 *                    "linear:F" / "cosine:F" (to F·η); optional in the file, default "constant" (fa-core's
 *                    {@link org.fa4j.core.LearningRateSchedule#named})
 * @param loss        "squared-error" (the paper's ½‖y* − y‖², the default when the file leaves it out) or
 *                    "softmax-cross-entropy" (which needs output "linear": the outputs are the logits)
 */
public record TrainRunConfig(int version, String dataset, List<Integer> hiddenSizes, String hidden, String output, String rule,
                          double eta, String batchScaling, int batch, int epochs, double weightDecay, double omega, double beta,
                          int trials, long seed, String schedule, String loss) {

    /** The field names, in order. */
    static final List<String> FIELDS = java.util.Arrays.stream(TrainRunConfig.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();
    /** The largest config file read: a config is a few hundred bytes, and anything much larger is not one. */
    static final long MAX_BYTES = 1 << 20;
    /** Fields that may be left out of a file, with the value they then take. */
    static final java.util.Map<String, String> OPTIONAL = java.util.Map.of("schedule", "constant", "loss", "squared-error");

    /** Checks every field; the message names the field, its value and the expectation. */
    public TrainRunConfig {
        require(version == 1, "version", version, "1");
        require(dataset != null && List.of("mnist", "fashion-mnist").contains(dataset), "dataset", dataset, "\"mnist\" or \"fashion-mnist\"");
        require(hiddenSizes != null && !hiddenSizes.isEmpty() && hiddenSizes.stream().allMatch(h -> h != null && h > 0), "hiddenSizes",
                hiddenSizes, "a non-empty list of positive sizes");
        require(hidden != null && List.of("logistic", "tanh", "relu").contains(hidden), "hidden", hidden, "logistic, tanh or relu");
        require(output != null && List.of("logistic", "linear").contains(output), "output", output, "logistic or linear");
        require(rule != null, "rule", rule, "a rule name");
        try {
            MnistRule.of(rule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config field 'rule': " + e.getMessage());
        }
        require(eta > 0 && eta < 10, "eta", eta, "0 < eta < 10");
        require(batchScaling != null && List.of("sum", "mean").contains(batchScaling), "batchScaling", batchScaling,
                "\"mean\" (η per update, the batch averaged) or \"sum\" (η per example, the batch summed)");
        require(batch >= 1, "batch", batch, "at least 1");
        require(epochs >= 1, "epochs", epochs, "at least 1");
        require(weightDecay >= 0, "weightDecay", weightDecay, "at least 0");
        require(omega > 0, "omega", omega, "positive");
        require(beta > 0, "beta", beta, "positive");
        require(trials >= 1, "trials", trials, "at least 1");
        require(schedule != null, "schedule", schedule, "constant, linear, cosine, linear:F or cosine:F");
        try {
            org.fa4j.core.LearningRateSchedule.named(schedule); // the parameter: fields are not yet set in a compact constructor
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config field 'schedule': " + e.getMessage());
        }
        require(loss != null && List.of("squared-error", "softmax-cross-entropy").contains(loss), "loss", loss,
                "\"squared-error\" or \"softmax-cross-entropy\"");
        require(!loss.equals("softmax-cross-entropy") || output.equals("linear"), "output", output,
                "\"linear\" with loss softmax-cross-entropy (the output layer gives the logits)");
    }

    /** fa-core's loss for {@link #loss}. */
    public org.fa4j.core.Loss objective() {
        return org.fa4j.core.Loss.named(loss);
    }

    /** fa-core's batch scaling for {@link #batchScaling}. */
    public BatchScaling scaling() {
        return BatchScaling.named(batchScaling);
    }

    /** fa-core's schedule for {@link #schedule}. */
    public org.fa4j.core.LearningRateSchedule learningRateSchedule() {
        return org.fa4j.core.LearningRateSchedule.named(schedule);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("config field '" + field + "' is " + value + "; expected " + expected);
        }
    }

    /** Reads and checks a config file; a field given twice is an error (not "the last one wins"). */
    public static TrainRunConfig read(Path file) {
        JsonFactory strict = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        ObjectMapper m = new ObjectMapper(strict).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": the config is " + size + " bytes; expected a JSON object of at most "
                        + MAX_BYTES + " bytes (a config is a few hundred)");
            }
            com.fasterxml.jackson.databind.JsonNode tree = m.readTree(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(file + ": expected a JSON object with the fields " + FIELDS);
            }
            for (java.util.Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException(file + ": unknown config field '" + f + "'; known fields: " + FIELDS);
                }
            }
            for (java.util.Map.Entry<String, String> o : OPTIONAL.entrySet()) {
                if (!tree.has(o.getKey())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put(o.getKey(), o.getValue());
                }
            }
            for (String f : FIELDS) {
                if (!tree.has(f)) {
                    throw new IllegalArgumentException(file + ": missing config field '" + f + "'");
                }
            }
            for (java.lang.reflect.RecordComponent rc : TrainRunConfig.class.getRecordComponents()) {
                String problem = JsonTypes.mismatch(tree.get(rc.getName()), rc.getGenericType());
                if (problem != null) {
                    throw new IllegalArgumentException(file + ": config field '" + rc.getName() + "' " + problem);
                }
            }
            return m.treeToValue(tree, TrainRunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown config field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("config field")) {
                throw new IllegalArgumentException(file + ": " + iae.getMessage(), e);
            }
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw new IllegalArgumentException(file + ": config field '" + field + "': " + e.getOriginalMessage(), e);
        } catch (StreamReadException e) {
            // Jackson's own message names a repeated field ("Duplicate field 'eta'") or the syntax error.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String what = e.getOriginalMessage();
            if (what != null && what.startsWith("Duplicate field ")) {
                throw new IllegalArgumentException(file + ": config field " + what.substring("Duplicate field ".length())
                        + " is given twice" + where + "; expected each field once", e);
            }
            throw new IllegalArgumentException(file + ": not valid JSON" + where + ": " + what, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the config: " + IoErrors.reason(e), e);
        }
    }

    /** This config with {@code n} trials (the {@code --trials} override of {@code fa4j train}). */
    public TrainRunConfig withTrials(int n) {
        return new TrainRunConfig(version, dataset, hiddenSizes, hidden, output, rule, eta, batchScaling, batch, epochs, weightDecay, omega, beta, n, seed, schedule, loss);
    }

    /** This config with master seed {@code s} (the {@code --seed} override of {@code fa4j train}). */
    public TrainRunConfig withSeed(long s) {
        return new TrainRunConfig(version, dataset, hiddenSizes, hidden, output, rule, eta, batchScaling, batch, epochs, weightDecay, omega, beta, trials, s, schedule, loss);
    }

    /** This config with {@code e} epochs (the {@code --epochs} override of {@code fa4j train}). */
    public TrainRunConfig withEpochs(int e) {
        return new TrainRunConfig(version, dataset, hiddenSizes, hidden, output, rule, eta, batchScaling, batch, e, weightDecay, omega, beta, trials, seed, schedule, loss);
    }

    /** An example config (the paper's MNIST FA network with the fast schedule of configs/mnist-20-epochs). */
    public static TrainRunConfig example() {
        return new TrainRunConfig(1, "mnist", List.of(1000), "logistic", "logistic", "fa", 1.2, "mean", 10, 20, 1e-6, 0.1, 8, 1, 1411024L, "triangle:0.05", "squared-error");
    }
}
