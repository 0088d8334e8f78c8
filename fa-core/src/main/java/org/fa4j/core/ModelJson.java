package org.fa4j.core;

import static org.fa4j.core.StrictJson.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.LearningRules;
import org.fa4j.core.rule.Parameters;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.simd.Matrix;

/**
 * The model file format, {@code fa4j-model} version 1 (Jackson tree model):
 * <pre>
 * { "format": "fa4j-model", "version": 1, "seed": 1,
 *   "spec": { "inputs": 784, "layers": [ {"units": 1000, "activation": "logistic", "bias": true, "sparsity": 0.0}, … ],
 *             "init": {"type": "uniform", "scale": 0.05}, "loss": "squared-error" },
 *   "rule": { "type": "feedback-alignment", "feedbackInit": {"type": "uniform", "scale": 0.5}, "sparsity": 0.0 },
 *   "training": { "learningRate": …, "weightDecay": …, "batchSize": …, "epochs": …, "seed": …, "shuffle": …,
 *                 "schedule": "constant" | "linear" | "cosine:0.1" | …, "batchScaling": "sum" | "mean" } | null,
 *                                      (schedule optional, default constant; batchScaling optional, default sum)
 *   "layers": [ { "weights": M, "bias": M|null, "weightMask": M|null, "feedback": M|null, "feedbackMask": M|null }, … ] }
 * </pre>
 * where a matrix {@code M} is {@code {"rows": r, "cols": c, "f32le": base64}}: the raw IEEE-754 bits, little-endian,
 * row-major, so a round trip is bit-exact (negative zeros and subnormals included).
 *
 * <p>Reading is strict, so that a file is either the model it claims or refused with a message naming the field and
 * the form expected: unknown fields (the rule's and the initialiser's included), wrong JSON types, fractions where
 * integers belong, versions other than the integer 1, non-finite weights, biases or feedback, masks that are not 0/1,
 * and shapes that do not fit the spec or the rule. A matrix's size is checked against what a Java array holds and what
 * the heap has free ({@link HeapCheck}) before it is allocated. Doubles are written in Jackson's shortest
 * round-tripping form. {@code "rule"} is the rule's {@link LearningRules#describe description} and is read back by
 * the {@link org.fa4j.core.rule.LearningRuleProvider} of its type; a rule's own state, when it keeps one, follows as
 * {@code "ruleState": {…}}.
 */
final class ModelJson {
    static final String FORMAT = "fa4j-model";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    // ------------------------------------------------------------------ rules

    /** {@code {"type": name, …parameters}}, as {@link LearningRules#describe} gives it. */
    static ObjectNode writeRule(LearningRule rule) {
        return writeParameters(LearningRules.describe(rule));
    }

    /** The rule {@code n} describes, read by the provider of its {@code type}. */
    static LearningRule readRule(JsonNode n) {
        return LearningRules.read(readParameters(n, "rule"));
    }

    static ObjectNode writeParameters(Parameters p) {
        ObjectNode n = MAPPER.createObjectNode();
        p.asMap().forEach((k, v) -> n.set(k, writeValue(v)));
        return n;
    }

    private static JsonNode writeValue(Object v) {
        return switch (v) {
            case Parameters p -> writeParameters(p);
            case Long l -> MAPPER.getNodeFactory().numberNode(l);
            case Double d -> MAPPER.getNodeFactory().numberNode(d);
            case String t -> MAPPER.getNodeFactory().textNode(t);
            case Boolean b -> MAPPER.getNodeFactory().booleanNode(b);
            case List<?> list -> {
                ArrayNode a = MAPPER.createArrayNode();
                list.forEach(e -> a.add(writeValue(e)));
                yield a;
            }
            default -> throw new IllegalArgumentException("cannot store a " + v.getClass().getName() + " in a model file");
        };
    }

    static Parameters readParameters(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("model JSON: field '" + where + "' is " + abbreviate(n) + "; expected an object");
        }
        Parameters.Builder b = Parameters.builder();
        n.properties().forEach(e -> b.putValue(e.getKey(), readValue(e.getValue(), where + "." + e.getKey())));
        return b.build();
    }

    private static Object readValue(JsonNode v, String where) {
        if (v.isObject()) {
            return readParameters(v, where);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                list.add(readValue(v.get(i), where + "[" + i + "]"));
            }
            return list;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw new IllegalArgumentException("model JSON: field '" + where + "' is " + abbreviate(v)
                + "; expected a number, string, boolean, object or list");
    }

    // ------------------------------------------------------------------ values

    static ObjectNode writeInit(Init init) {
        return (ObjectNode) writeParameters(Parameters.builder().put("init", init).build()).get("init");
    }

    static Init readInit(JsonNode n, String where) {
        Parameters p = readParameters(n, where);
        Init init;
        try {
            init = Parameters.builder().put("init", p).build().init("init");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: field '" + where + "': " + e.getMessage(), e);
        }
        requireKnownKeys(n, writeInit(init), where);
        return init;
    }

    static ObjectNode writeSpec(NetworkSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("inputs", spec.inputs());
        ArrayNode layers = n.putArray("layers");
        for (LayerSpec l : spec.layers()) {
            ObjectNode layer = layers.addObject().put("units", l.units()).put("activation", l.activation().name()).put("bias", l.bias())
                    .put("sparsity", l.sparsity());
            if (l.init() != null) {
                layer.set("init", writeInit(l.init()));
            }
        }
        n.set("init", writeInit(spec.init()));
        n.put("loss", spec.loss().name());
        return n;
    }

    static NetworkSpec readSpec(JsonNode n) {
        fields(n, "spec", List.of("inputs", "layers", "init", "loss"), List.of());
        JsonNode ls = req(n, "layers", "spec");
        if (!ls.isArray() || ls.isEmpty()) {
            throw field("spec.layers", ls, "a non-empty list of layers");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            String where = "spec.layers[" + i + "]";
            JsonNode l = ls.get(i);
            fields(l, where, List.of("units", "activation", "bias", "sparsity"), List.of("init"));
            int units = positiveInt(l, "units", where);
            String activation = text(l, "activation", where);
            boolean bias = bool(l, "bias", where);
            double sparsity = number(l, "sparsity", where);
            Init own = l.hasNonNull("init") ? readInit(l.get("init"), where + ".init") : null;
            try {
                layers.add(new LayerSpec(units, Activation.named(activation), bias, sparsity, own));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model JSON: field '" + where + "': " + e.getMessage(), e);
            }
        }
        int inputs = positiveInt(n, "inputs", "spec");
        Init init = readInit(req(n, "init", "spec"), "spec.init");
        String loss = text(n, "loss", "spec");
        try {
            return new NetworkSpec(inputs, layers, init, Loss.named(loss));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: field 'spec': " + e.getMessage(), e);
        }
    }

    static ObjectNode writeTraining(TrainingConfig c) {
        return MAPPER.createObjectNode().put("learningRate", c.learningRate()).put("weightDecay", c.weightDecay())
                .put("batchSize", c.batchSize()).put("epochs", c.epochs()).put("seed", c.seed()).put("shuffle", c.shuffle())
                .put("schedule", c.schedule().id()).put("batchScaling", c.batchScaling().id());
    }

    static TrainingConfig readTraining(JsonNode n) {
        String w = "training";
        fields(n, w, List.of("learningRate", "weightDecay", "batchSize", "epochs", "seed", "shuffle"), List.of("schedule", "batchScaling"));
        try {
            return new TrainingConfig(number(n, "learningRate", w), number(n, "weightDecay", w), positiveInt(n, "batchSize", w),
                    nonNegativeInt(n, "epochs", w), longInt(n, "seed", w), bool(n, "shuffle", w), readSchedule(n.get("schedule")),
                    readBatchScaling(n.get("batchScaling")));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("model JSON")) {
                throw e;
            }
            throw new IllegalArgumentException("model JSON: field 'training': " + e.getMessage(), e);
        }
    }

    /** The optional {@code training.batchScaling}: absent is {@code sum}, the only form files without the field used. */
    static BatchScaling readBatchScaling(JsonNode n) {
        if (n == null) {
            return BatchScaling.SUM;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field 'training.batchScaling' is " + n + "; expected \"sum\" or \"mean\"");
        }
        try {
            return BatchScaling.named(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training.batchScaling': " + e.getMessage(), e);
        }
    }

    /** The optional {@code training.schedule}: absent or null is constant (files written before schedules existed). */
    static LearningRateSchedule readSchedule(JsonNode n) {
        if (n == null || n.isNull()) {
            return LearningRateSchedule.constant();
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field 'training.schedule' is " + n + "; expected a string such as \"constant\" or \"linear\"");
        }
        try {
            return LearningRateSchedule.named(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training.schedule': " + e.getMessage(), e);
        }
    }

    static JsonNode writeMatrix(Matrix m) {
        if (m == null) {
            return MAPPER.nullNode();
        }
        ByteBuffer buf = ByteBuffer.allocate(4 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                buf.putInt(Float.floatToRawIntBits(m.get(i, j)));
            }
        }
        return MAPPER.createObjectNode().put("rows", m.rows()).put("cols", m.cols())
                .put("f32le", Base64.getEncoder().encodeToString(buf.array()));
    }

    /**
     * The matrix {@code n} stores, or null for an absent or null field. Checks the fields, that {@code rows × cols}
     * fits a Java array and the heap before anything is allocated, and that the bytes hold exactly that many floats.
     */
    static Matrix readMatrix(JsonNode n, String what) {
        if (n == null || n.isNull()) {
            return null;
        }
        fields(n, what, List.of("rows", "cols", "f32le"), List.of());
        int rows = nonNegativeInt(n, "rows", what);
        int cols = nonNegativeInt(n, "cols", what);
        long count = (long) rows * cols;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model JSON: field '" + what + "' is " + rows + "x" + cols + " = " + count
                    + " floats, more than a Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        HeapCheck.require(4 * count, "model JSON: field '" + what + "' (" + rows + "x" + cols + " floats)");
        String text = text(n, "f32le", what);
        long base64 = (4 * count + 2) / 3 * 4;
        if (text.length() != base64) {
            throw new IllegalArgumentException("model JSON: field '" + what + ".f32le' holds " + text.length()
                    + " base64 characters; a " + rows + "x" + cols + " matrix needs " + base64 + " (4 bytes per float)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: field '" + what + ".f32le' is not base64: " + e.getMessage(), e);
        }
        if (bytes.length != 4L * count) {
            throw new IllegalArgumentException("model JSON: field '" + what + "': " + rows + "x" + cols + " needs " + 4L * count
                    + " bytes, got " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[(int) count];
        for (int i = 0; i < d.length; i++) {
            d[i] = Float.intBitsToFloat(buf.getInt());
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** Throws unless every entry of {@code m} is finite, naming the first that is not. */
    private static void requireFinite(Matrix m, String what) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                float v = m.get(i, j);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("model JSON: field '" + what + "' holds " + v + " at (" + i + ", " + j
                            + "); expected finite numbers (a model saved after it diverged?)");
                }
            }
        }
    }

    /** Throws unless every entry of the mask {@code m} is 0 or 1. */
    private static void requireZeroOne(Matrix m, String what) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                float v = m.get(i, j);
                if (v != 0f && v != 1f) {
                    throw new IllegalArgumentException("model JSON: field '" + what + "' holds " + v + " at (" + i + ", " + j
                            + "); a mask holds only 0 and 1");
                }
            }
        }
    }

    private static void requireShape(Matrix m, int rows, int cols, String what) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException("model JSON: field '" + what + "' must be " + rows + "x" + cols + ", got " + m.shape());
        }
    }

    // ------------------------------------------------------------------ model

    static String write(Model m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("seed", m.seed());
        root.set("spec", writeSpec(m.spec()));
        root.set("rule", writeRule(m.rule()));
        root.set("training", m.lastTraining().map(ModelJson::writeTraining).map(JsonNode.class::cast).orElse(MAPPER.nullNode()));
        if (!m.ruleState().isEmpty()) {
            root.set("ruleState", writeParameters(m.ruleState()));
        }
        ArrayNode layers = root.putArray("layers");
        for (int l = 0; l < m.depth(); l++) {
            ObjectNode n = layers.addObject();
            n.set("weights", writeMatrix(m.wt[l].transpose())); // the paper's layout in files: units_l × units_{l−1}
            n.set("bias", writeMatrix(m.b[l]));
            n.set("weightMask", writeMatrix(m.wtMask[l] == null ? null : m.wtMask[l].transpose()));
            n.set("feedback", writeMatrix(m.fb[l]));
            n.set("feedbackMask", writeMatrix(m.fbMask[l]));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write model JSON", e);
        }
    }

    static Model read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an " + FORMAT + " file: format is '" + (root == null ? null : root.path("format").asText()) + "'");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw field("version", v, "the integer " + VERSION + " (this library reads " + FORMAT + " version " + VERSION + ")");
        }
        if (!v.canConvertToInt() || v.intValue() != VERSION) {
            throw new IllegalArgumentException(FORMAT + " version " + v + " is not supported; this library reads version " + VERSION);
        }
        fields(root, "", List.of("format", "version", "seed", "spec", "rule", "training", "layers"), List.of("ruleState"));
        long seed = longInt(root, "seed", "");
        NetworkSpec spec = readSpec(req(root, "spec", ""));
        JsonNode ruleNode = req(root, "rule", "");
        LearningRule rule = readRule(ruleNode);
        requireKnownKeys(ruleNode, writeRule(rule), "rule");
        JsonNode t = root.get("training");
        TrainingConfig training = t.isNull() ? null : readTraining(t);
        JsonNode state = root.get("ruleState");
        Parameters ruleState = state == null || state.isNull() ? Parameters.empty() : readParameters(state, "ruleState");
        JsonNode layers = req(root, "layers", "");
        int depth = spec.depth();
        if (!layers.isArray() || layers.size() != depth) {
            throw new IllegalArgumentException("model JSON: field 'layers' must list the " + depth + " layers of the spec " + spec.sizes()
                    + ", got " + (layers.isArray() ? layers.size() + " entries" : abbreviate(layers)));
        }
        Matrix[] w = new Matrix[depth];
        Matrix[] b = new Matrix[depth];
        Matrix[] wMask = new Matrix[depth];
        Matrix[] fb = new Matrix[depth];
        Matrix[] fbMask = new Matrix[depth];
        for (int l = 0; l < depth; l++) {
            String where = "layers[" + l + "]";
            JsonNode n = layers.get(l);
            fields(n, where, List.of("weights"), List.of("bias", "weightMask", "feedback", "feedbackMask"));
            int out = spec.units(l);
            int in = spec.units(l - 1);
            w[l] = readMatrix(n.get("weights"), where + ".weights");
            if (w[l] == null) {
                throw new IllegalArgumentException("model JSON: field '" + where + ".weights' is null; expected a " + out + "x" + in + " matrix");
            }
            requireShape(w[l], out, in, where + ".weights");
            requireFinite(w[l], where + ".weights");
            b[l] = readMatrix(n.get("bias"), where + ".bias");
            boolean hasBias = spec.layers().get(l).bias();
            if (hasBias != (b[l] != null)) {
                throw new IllegalArgumentException("model JSON: field '" + where + ".bias' must be " + (hasBias ? "a 1x" + out + " matrix" : "null")
                        + " (the spec says bias " + hasBias + "), got " + (b[l] == null ? "none" : b[l].shape()));
            }
            if (b[l] != null) {
                requireShape(b[l], 1, out, where + ".bias");
                requireFinite(b[l], where + ".bias");
            }
            wMask[l] = readMatrix(n.get("weightMask"), where + ".weightMask");
            if (wMask[l] != null) {
                requireShape(wMask[l], out, in, where + ".weightMask");
                requireZeroOne(wMask[l], where + ".weightMask");
            }
            fb[l] = readMatrix(n.get("feedback"), where + ".feedback");
            if (fb[l] != null) {
                if (l == 0) {
                    throw new IllegalArgumentException("model JSON: field 'layers[0].feedback' must be null: no error is sent below layer 0");
                }
                requireFinite(fb[l], where + ".feedback");
            }
            if (l > 0) {
                try {
                    rule.checkFeedback(spec, l, fb[l]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("model JSON: field '" + where + ".feedback': " + e.getMessage(), e);
                }
            }
            fbMask[l] = readMatrix(n.get("feedbackMask"), where + ".feedbackMask");
            if (fbMask[l] != null) {
                if (fb[l] == null) {
                    throw new IllegalArgumentException("model JSON: field '" + where + ".feedbackMask' is given, but the layer has no feedback matrix");
                }
                requireShape(fbMask[l], fb[l].rows(), fb[l].cols(), where + ".feedbackMask");
                requireZeroOne(fbMask[l], where + ".feedbackMask");
            }
        }
        for (int l = 0; l < depth; l++) {
            w[l] = w[l].transpose();
            if (wMask[l] != null) {
                wMask[l] = wMask[l].transpose();
            }
        }
        try {
            return new Model(spec, rule, seed, w, b, wMask, fb, fbMask, training, ruleState);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model JSON: " + e.getMessage(), e);
        }
    }

    static void save(Model m, Path file) throws IOException {
        AtomicFiles.writeString(file, write(m));
    }

    static Model load(Path file) throws IOException {
        String json;
        try {
            HeapCheck.require(2 * Files.size(file), "reading the model file " + file);
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such model file (No such file or directory)");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(file.toString(), null, "cannot read the model file (Permission denied)");
        }
        try {
            return read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
