package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.NodePerturbation;
import org.fa4j.core.rule.Pseudobackprop;
import org.fa4j.core.rule.Shallow;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

    private static Model trainedSparseModel() {
        NetworkSpec spec = NetworkSpec.newBuilder(6)
                .layer(new LayerSpec(5, Activation.tanh(), true, 0.3))
                .layer(new LayerSpec(4, Activation.relu(), false, 0))
                .layer(new LayerSpec(3, Activation.identity(), true, 0.5))
                .init(Init.xavier()).loss(Loss.softmaxCrossEntropy()).build();
        Model m = Model.create(spec, new FeedbackAlignment(Init.gaussian(0.4), 0.5), 12);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.01).weightDecay(1e-4).batchSize(3).epochs(2).seed(5).build()).build()
                .fit(Data.gaussian(30, 6, 1), Data.oneHot(30, 3, 2));
        return m;
    }

    @Test
    void modelRoundTripsBitExactlyThroughAFile(@TempDir Path dir) throws Exception {
        Model m = trainedSparseModel();
        m.weightsTransposed(0).set(0, 0, Float.MIN_VALUE); // a subnormal and a negative zero survive too
        m.weightsTransposed(1).set(0, 0, -0f);
        Path file = dir.resolve("model.json");
        m.save(file);
        Model back = Model.load(file);
        assertThat(back.contentEquals(m)).isTrue();
        assertThat(Float.floatToRawIntBits(back.weightsTransposed(0).get(0, 0))).isEqualTo(1);
        assertThat(Float.floatToRawIntBits(back.weightsTransposed(1).get(0, 0))).isEqualTo(0x80000000);
        assertThat(back.weightMask(0)).isPresent();
        assertThat(back.feedbackMask(2)).isPresent();
        assertThat(back.lastTraining().orElseThrow().seed()).isEqualTo(5);
        assertThat(back.toJson()).isEqualTo(m.toJson());
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void everyRuleRoundTrips() {
        NetworkSpec spec = NetworkSpec.newBuilder(4).layer(3, Activation.logistic()).layer(2, Activation.tanh()).layer(2, Activation.identity()).build();
        for (LearningRule r : List.of(new Backprop(), new Shallow(), new NodePerturbation(0.02), new Pseudobackprop(7),
                FeedbackAlignment.uniform(0.5), new Layerwise(List.of(new FeedbackAlignment(Init.he(), 0.1), new Pseudobackprop())))) {
            Model m = Model.create(spec, r, 3);
            Model back = Model.fromJson(m.toJson());
            assertThat(back.rule()).isEqualTo(r);
            assertThat(back.contentEquals(m)).as(r.name()).isTrue();
        }
    }

    @Test
    void loadedModelTrainsExactlyLikeTheOriginal() {
        Model m = trainedSparseModel();
        Model back = Model.fromJson(m.toJson());
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.01).batchSize(2).build();
        Matrix x = Data.gaussian(10, 6, 3);
        Matrix y = Data.oneHot(10, 3, 4);
        Trainer.newBuilder(m, cfg).build().fit(x, y);
        Trainer.newBuilder(back, cfg).build().fit(x, y);
        assertThat(back.contentEquals(m)).isTrue();
        // removed weights stay removed
        Matrix mask = m.weightMask(0).orElseThrow();
        for (int i = 0; i < mask.rows(); i++) {
            for (int j = 0; j < mask.cols(); j++) {
                if (mask.get(i, j) == 0f) {
                    assertThat(m.weights(0).get(i, j)).isEqualTo(0f);
                }
            }
        }
    }

    @Test
    void otherVersionsAndFormatsAreRejectedWithAReason() {
        String json = trainedSparseModel().toJson();
        assertThatThrownBy(() -> Model.fromJson(json.replace("\"version\":1", "\"version\":2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> Model.fromJson("{\"format\":\"other\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> Model.fromJson(json.replace("\"feedback-alignment\"", "\"telepathy\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("telepathy");
    }
}
