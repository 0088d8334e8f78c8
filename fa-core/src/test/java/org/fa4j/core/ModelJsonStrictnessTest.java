package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.AbstractThrowableAssert;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file that is not exactly what {@link Model#save} writes is refused, naming the field and the expected form. */
class ModelJsonStrictnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 4-3-2 with feedback alignment whose B is half removed, so layer 1 has a feedback matrix and its mask. */
    private static Model model() {
        NetworkSpec spec = NetworkSpec.newBuilder(4).layer(3, Activation.tanh()).layer(2, Activation.identity()).build();
        return Model.create(spec, new FeedbackAlignment(Init.uniform(0.5), 0.5), 3);
    }

    private static String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model().toJson());
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Consumer<ObjectNode> edit) throws Exception {
        String json = edited(edit);
        return assertThatThrownBy(() -> Model.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectNode layer(ObjectNode root, int l) {
        return (ObjectNode) root.get("layers").get(l);
    }

    @Test
    void anUneditedFileIsAccepted() throws Exception {
        assertThat(Model.fromJson(edited(root -> { })).contentEquals(model())).isTrue();
    }

    @Test
    void nonFiniteWeightsAreRefusedNamingTheLayerAndEntry() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            Model m = model();
            m.weightsTransposed(1).set(2, 1, bad); // W_1(1, 2) in the file's layout
            String json = m.toJson();
            assertThatThrownBy(() -> Model.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'layers[1].weights'").hasMessageContaining(bad + " at (1, 2)").hasMessageContaining("finite");
        }
        Model m = model();
        m.feedback(1).orElseThrow().set(0, 0, Float.NaN);
        String json = m.toJson();
        assertThatThrownBy(() -> Model.fromJson(json)).hasMessageContaining("'layers[1].feedback'").hasMessageContaining("NaN");
    }

    @Test
    void aSeedThatIsNotAnIntegerIsRefused() throws Exception {
        refused(root -> root.put("seed", "abc")).hasMessageContaining("'seed'").hasMessageContaining("\"abc\"")
                .hasMessageContaining("expected an integer");
        refused(root -> root.put("seed", 1.5)).hasMessageContaining("'seed' is 1.5");
    }

    @Test
    void aVersionThatIsNotTheInteger1IsRefused() throws Exception {
        refused(root -> root.put("version", "1")).hasMessageContaining("'version' is \"1\"").hasMessageContaining("the integer 1");
        refused(root -> root.put("version", 1.9)).hasMessageContaining("'version' is 1.9").hasMessageContaining("the integer 1");
        refused(root -> root.put("version", 1.0)).hasMessageContaining("'version' is 1.0");
        refused(root -> root.put("version", 2)).hasMessageContaining("version 2 is not supported");
    }

    @Test
    void aLayerSizeWithAFractionIsRefused() throws Exception {
        refused(root -> ((ObjectNode) root.get("spec").get("layers").get(0)).put("units", 20.7))
                .hasMessageContaining("'spec.layers[0].units' is 20.7").hasMessageContaining("expected an integer");
        refused(root -> ((ObjectNode) root.get("spec")).put("inputs", "4")).hasMessageContaining("'spec.inputs' is \"4\"");
        refused(root -> ((ObjectNode) root.get("spec").get("layers").get(1)).put("bias", "yes"))
                .hasMessageContaining("'spec.layers[1].bias'").hasMessageContaining("true or false");
    }

    @Test
    void unknownFieldsAreRefusedWithTheKnownOnes() throws Exception {
        refused(root -> root.put("colour", "green")).hasMessageContaining("unknown field 'colour'").hasMessageContaining("layers");
        refused(root -> ((ObjectNode) root.get("spec")).put("dropout", 0.5)).hasMessageContaining("unknown field 'spec.dropout'");
        refused(root -> ((ObjectNode) root.get("spec").get("layers").get(0)).put("unit", 3))
                .hasMessageContaining("unknown field 'spec.layers[0].unit'");
        refused(root -> layer(root, 1).put("feedbak", (String) null)).hasMessageContaining("unknown field 'layers[1].feedbak'");
        refused(root -> ((ObjectNode) root.get("rule")).put("sparsityy", 0.5)).hasMessageContaining("unknown field 'rule.sparsityy'")
                .hasMessageContaining("sparsity");
        refused(root -> ((ObjectNode) root.get("spec").get("init")).put("scal", 0.5)).hasMessageContaining("unknown field 'spec.init.scal'");
        refused(root -> ((ObjectNode) layer(root, 0).get("weights")).put("order", "row-major"))
                .hasMessageContaining("unknown field 'layers[0].weights.order'");
    }

    @Test
    void aFeedbackMaskOfTheWrongShapeIsRefused() throws Exception {
        JsonNode oneByOne = JSON.readTree(JSON.writeValueAsString(JSON.readTree(ModelJson.writeMatrix(Matrix.zeros(1, 1)).toString())));
        refused(root -> layer(root, 1).set("feedbackMask", oneByOne))
                .hasMessageContaining("'layers[1].feedbackMask' must be 3x2, got 1x1");
        refused(root -> layer(root, 1).set("feedback", oneByOne)).hasMessageContaining("layer 1").hasMessageContaining("3x2")
                .hasMessageContaining("got 1x1");
        refused(root -> layer(root, 0).set("weightMask", oneByOne)).hasMessageContaining("'layers[0].weightMask' must be 3x4");
        refused(root -> layer(root, 1).set("feedbackMask", ModelJson.writeMatrix(Matrix.wrap(3, 2, new float[] {1, 0, 2, 1, 0, 1}))))
                .hasMessageContaining("'layers[1].feedbackMask' holds 2.0").hasMessageContaining("only 0 and 1");
        refused(root -> layer(root, 0).set("feedback", ModelJson.writeMatrix(Matrix.zeros(4, 3))))
                .hasMessageContaining("'layers[0].feedback' must be null");
    }

    @Test
    void aMatrixTooLargeForTheHeapIsRefusedWithTheBytesItNeedsBeforeAnythingIsAllocated() throws Exception {
        refused(root -> ((ObjectNode) layer(root, 0).get("weights")).put("rows", 60_000).put("cols", 60_000))
                .hasMessageContaining("'layers[0].weights'").hasMessageContaining("more than a Java array holds");
        long bytes = 4L * 46_000 * 46_000; // fits an array, not this heap
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(bytes);
        refused(root -> ((ObjectNode) layer(root, 0).get("weights")).put("rows", 46_000).put("cols", 46_000))
                .hasMessageContaining("'layers[0].weights'").hasMessageContaining("needs " + bytes + " bytes")
                .hasMessageContaining("-Xmx");
        refused(root -> ((ObjectNode) layer(root, 0).get("weights")).put("rows", 3).put("cols", 5))
                .hasMessageContaining("base64 characters");
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Model.load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such model file (No such file or directory)");
    }

    @Test
    void aSavedModelHasTheModeOfANewFileInTheSameFolder() throws Exception {
        Path saved = dir.resolve("model.json");
        model().save(saved);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }
}
