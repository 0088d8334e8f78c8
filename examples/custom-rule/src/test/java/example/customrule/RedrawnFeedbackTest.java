package example.customrule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fa4j.core.Activation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingSummary;
import org.fa4j.core.rule.LearningRules;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.LinearTask;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom rule trains through fa4j's Trainer, is found by name when a model is loaded, and continues exactly. */
class RedrawnFeedbackTest {
    static final Linalg LA = Linalg.newBuilder().threads(1).build();
    static final NetworkSpec SPEC = NetworkSpec.newBuilder(30).layer(20, Activation.tanh()).layer(10, Activation.identity())
            .init(Init.uniform(0.1)).build();
    static final RedrawnFeedback RULE = new RedrawnFeedback(Init.uniform(0.5));

    private static Dataset data() {
        return LinearTask.generate(7, 400, 0).train();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.newBuilder().learningRate(0.002).batchSize(10).epochs(epochs).seed(2).build();
    }

    @Test
    void isFoundByNameThroughItsModulesProvidesLine() {
        assertThat(LearningRules.names()).contains(RedrawnFeedback.NAME, "feedback-alignment");
    }

    @Test
    void learnsAndDrawsANewFeedbackMatrixEveryEpoch() {
        Dataset d = data();
        Model m = Model.create(SPEC, RULE, 1);
        Matrix b0 = m.feedback(1).orElseThrow().copy();
        TrainingSummary one = Trainer.newBuilder(m, config(1)).linalg(LA).build().fit(d);
        Matrix b1 = m.feedback(1).orElseThrow().copy();
        TrainingSummary more = Trainer.newBuilder(m, config(4)).linalg(LA).build().fit(d);
        assertThat(b1.contentEquals(b0)).as("redrawn for the first epoch").isFalse();
        assertThat(m.feedback(1).orElseThrow().contentEquals(b1)).as("redrawn for later epochs").isFalse();
        assertThat(m.ruleState().longInteger("layer1")).isEqualTo(5);
        double first = one.epochs().get(0).meanLoss();
        double last = more.epochs().get(more.epochs().size() - 1).meanLoss();
        assertThat(last).as("mean loss, last epoch vs first").isLessThan(first / 2);
    }

    @Test
    void savesLoadsAndContinuesBitIdentically(@TempDir Path dir) throws Exception {
        Dataset d = data();
        Model m = Model.create(SPEC, RULE, 1);
        Trainer.newBuilder(m, config(2)).linalg(LA).build().fit(d);
        Path file = dir.resolve("model.json");
        m.save(file);
        assertThat(Files.readString(file)).contains("\"type\":\"" + RedrawnFeedback.NAME + "\"").contains("\"ruleState\":{\"layer1\":2}");

        Model back = Model.load(file);
        assertThat(back.rule()).isEqualTo(RULE);
        assertThat(back.ruleState().longInteger("layer1")).isEqualTo(2);
        assertThat(back.contentEquals(m)).isTrue();

        Trainer.newBuilder(m, config(1)).linalg(LA).build().fit(d);
        Trainer.newBuilder(back, config(1)).linalg(LA).build().fit(d);
        assertThat(back.contentEquals(m)).as("the reloaded model continues with the draw the original makes").isTrue();
    }
}
