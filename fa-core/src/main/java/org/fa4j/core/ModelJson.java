package org.fa4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * row-major, so a round trip is bit-exact (NaN payloads included). Doubles are written in Jackson's shortest
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

    static Init readInit(JsonNode n) {
        return Parameters.builder().put("init", readParameters(n, "init")).build().init("init");
    }

    static ObjectNode writeSpec(NetworkSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("inputs", spec.inputs());
        ArrayNode layers = n.putArray("layers");
        for (LayerSpec l : spec.layers()) {
            layers.addObject().put("units", l.units()).put("activation", l.activation().name()).put("bias", l.bias())
                    .put("sparsity", l.sparsity());
        }
        n.set("init", writeInit(spec.init()));
        n.put("loss", spec.loss().name());
        return n;
    }

    static NetworkSpec readSpec(JsonNode n) {
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonNode l : req(n, "layers")) {
            layers.add(new LayerSpec(req(l, "units").asInt(), Activation.named(req(l, "activation").asText()), req(l, "bias").asBoolean(),
                    req(l, "sparsity").asDouble()));
        }
        return new NetworkSpec(req(n, "inputs").asInt(), layers, readInit(req(n, "init")), Loss.named(req(n, "loss").asText()));
    }

    static ObjectNode writeTraining(TrainingConfig c) {
        return MAPPER.createObjectNode().put("learningRate", c.learningRate()).put("weightDecay", c.weightDecay())
                .put("batchSize", c.batchSize()).put("epochs", c.epochs()).put("seed", c.seed()).put("shuffle", c.shuffle())
                .put("schedule", c.schedule().id()).put("batchScaling", c.batchScaling().id());
    }

    static TrainingConfig readTraining(JsonNode n) {
        return new TrainingConfig(req(n, "learningRate").asDouble(), req(n, "weightDecay").asDouble(), req(n, "batchSize").asInt(),
                req(n, "epochs").asInt(), req(n, "seed").asLong(), req(n, "shuffle").asBoolean(), readSchedule(n.get("schedule")),
                readBatchScaling(n.get("batchScaling")));
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

    static Matrix readMatrix(JsonNode n, String what) {
        if (n == null || n.isNull()) {
            return null;
        }
        int rows = req(n, "rows").asInt();
        int cols = req(n, "cols").asInt();
        byte[] bytes = Base64.getDecoder().decode(req(n, "f32le").asText());
        if (bytes.length != 4L * rows * cols) {
            throw new IllegalArgumentException(what + ": " + rows + "x" + cols + " needs " + 4L * rows * cols + " bytes, got " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = Float.intBitsToFloat(buf.getInt());
        }
        return Matrix.wrap(rows, cols, d);
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new IllegalArgumentException("model JSON: missing field '" + field + "' in " + abbreviate(n));
        }
        return v;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
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
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an " + FORMAT + " file: format is '" + (root == null ? null : root.path("format").asText()) + "'");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException(FORMAT + " version " + version + " is not supported; this library reads version " + VERSION);
        }
        NetworkSpec spec = readSpec(req(root, "spec"));
        LearningRule rule = readRule(req(root, "rule"));
        JsonNode t = root.get("training");
        TrainingConfig training = t == null || t.isNull() ? null : readTraining(t);
        JsonNode state = root.get("ruleState");
        Parameters ruleState = state == null || state.isNull() ? Parameters.empty() : readParameters(state, "ruleState");
        JsonNode layers = req(root, "layers");
        int depth = spec.depth();
        if (layers.size() != depth) {
            throw new IllegalArgumentException("the spec " + spec.sizes() + " has " + depth + " layers, the file holds " + layers.size());
        }
        Matrix[] w = new Matrix[depth];
        Matrix[] b = new Matrix[depth];
        Matrix[] wMask = new Matrix[depth];
        Matrix[] fb = new Matrix[depth];
        Matrix[] fbMask = new Matrix[depth];
        for (int l = 0; l < depth; l++) {
            JsonNode n = layers.get(l);
            w[l] = readMatrix(req(n, "weights"), "layer " + l + " weights");
            b[l] = readMatrix(n.get("bias"), "layer " + l + " bias");
            wMask[l] = readMatrix(n.get("weightMask"), "layer " + l + " weightMask");
            fb[l] = readMatrix(n.get("feedback"), "layer " + l + " feedback");
            fbMask[l] = readMatrix(n.get("feedbackMask"), "layer " + l + " feedbackMask");
            int out = spec.units(l);
            int in = spec.units(l - 1);
            if (w[l] == null || w[l].rows() != out || w[l].cols() != in) {
                throw new IllegalArgumentException("layer " + l + " weights must be " + out + "x" + in + ", got " + (w[l] == null ? "none" : w[l].shape()));
            }
            if (spec.layers().get(l).bias() != (b[l] != null) || (b[l] != null && (b[l].rows() != 1 || b[l].cols() != out))) {
                throw new IllegalArgumentException("layer " + l + " bias must be " + (spec.layers().get(l).bias() ? "1x" + out : "absent")
                        + ", got " + (b[l] == null ? "none" : b[l].shape()));
            }
        }
                for (int l = 0; l < depth; l++) {
            w[l] = w[l].transpose();
            if (wMask[l] != null) {
                if (wMask[l].rows() != spec.units(l) || wMask[l].cols() != spec.units(l - 1)) {
                    throw new IllegalArgumentException("layer " + l + " weightMask must be " + spec.units(l) + "x" + spec.units(l - 1) + ", got " + wMask[l].shape());
                }
                wMask[l] = wMask[l].transpose();
            }
        }
        return new Model(spec, rule, req(root, "seed").asLong(), w, b, wMask, fb, fbMask, training, ruleState);
    }

    static void save(Model m, Path file) throws IOException {
        AtomicFiles.writeString(file, write(m));
    }

    static Model load(Path file) throws IOException {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
