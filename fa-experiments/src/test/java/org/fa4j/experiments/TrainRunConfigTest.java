package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRunConfigTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, json);
        return f;
    }

    private String example() throws Exception {
        return new ObjectMapper().writeValueAsString(TrainRunConfig.example());
    }

    @Test
    void theExampleRoundTrips() throws Exception {
        assertThat(TrainRunConfig.read(write(example()))).isEqualTo(TrainRunConfig.example());
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        String json = example().replace("\"epochs\"", "\"epoch\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(json))).hasMessageContaining("'epoch'");
    }

    @Test
    void aBadValueNamesTheFieldAndTheExpectation() throws Exception {
        String json = example().replace("\"rule\":\"fa\"", "\"rule\":\"magic\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(json))).hasMessageContaining("'rule'").hasMessageContaining("magic")
                .hasMessageContaining("kolen-pollack");
        String eta = example().replaceAll("\"eta\":[0-9.]+", "\"eta\":-1");
        assertThatThrownBy(() -> TrainRunConfig.read(write(eta))).hasMessageContaining("'eta'").hasMessageContaining("-1");
    }

    @Test
    void theScheduleIsOptionalDefaultsToConstantAndABadOneNamesTheField() throws Exception {
        String without = example().replaceAll(",\"schedule\":\"[^\"]*\"", "");
        assertThat(without).doesNotContain("schedule");
        TrainRunConfig c = TrainRunConfig.read(write(without));
        assertThat(c.schedule()).isEqualTo("constant");
        assertThat(c.learningRateSchedule()).isEqualTo(org.fa4j.core.LearningRateSchedule.constant());
        assertThat(TrainRunConfig.example().learningRateSchedule()).isEqualTo(MnistExperiment.FAST_DECAY);
        String cosine = example().replaceAll("\"schedule\":\"[^\"]*\"", "\"schedule\":\"cosine:0.1\"");
        assertThat(TrainRunConfig.read(write(cosine)).learningRateSchedule()).isEqualTo(org.fa4j.core.LearningRateSchedule.cosine(0.1));
        String bad = example().replaceAll("\"schedule\":\"[^\"]*\"", "\"schedule\":\"step\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(bad))).hasMessageContaining("'schedule'").hasMessageContaining("'step'")
                .hasMessageContaining("expected constant, linear, cosine");
        assertThat(TrainRunConfig.example().withEpochs(3).withTrials(2).schedule()).isEqualTo(TrainRunConfig.example().schedule());
    }

    @Test
    void theBatchScalingIsRequiredAndNamedWhenWrong() throws Exception {
        assertThat(TrainRunConfig.example().scaling()).isEqualTo(org.fa4j.core.BatchScaling.MEAN);
        String without = example().replace(",\"batchScaling\":\"mean\"", "");
        assertThat(without).doesNotContain("batchScaling");
        assertThatThrownBy(() -> TrainRunConfig.read(write(without))).hasMessageContaining("missing config field 'batchScaling'");
        String bad = example().replace("\"batchScaling\":\"mean\"", "\"batchScaling\":\"average\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(bad))).hasMessageContaining("'batchScaling'").hasMessageContaining("average")
                .hasMessageContaining("\"mean\"").hasMessageContaining("\"sum\"");
        String sum = example().replace("\"batchScaling\":\"mean\"", "\"batchScaling\":\"sum\"");
        assertThat(TrainRunConfig.read(write(sum)).scaling()).isEqualTo(org.fa4j.core.BatchScaling.SUM);
    }

    /** The loss is optional (the paper's squared error); cross-entropy needs linear outputs, and a bad name is named. */
    @Test
    void theLossIsOptionalAndCrossEntropyNeedsLinearOutputs() throws Exception {
        assertThat(example()).contains("\"loss\":\"squared-error\"");
        String without = example().replace(",\"loss\":\"squared-error\"", "");
        assertThat(without).doesNotContain("loss");
        assertThat(TrainRunConfig.read(write(without)).objective()).isEqualTo(org.fa4j.core.Loss.squaredError());
        String ce = example().replace("\"loss\":\"squared-error\"", "\"loss\":\"softmax-cross-entropy\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(ce))).hasMessageContaining("'output'").hasMessageContaining("logits");
        String ceLinear = ce.replace("\"output\":\"logistic\"", "\"output\":\"linear\"");
        assertThat(TrainRunConfig.read(write(ceLinear)).objective()).isEqualTo(org.fa4j.core.Loss.softmaxCrossEntropy());
        String bad = example().replace("\"loss\":\"squared-error\"", "\"loss\":\"hinge\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(bad))).hasMessageContaining("'loss'").hasMessageContaining("hinge");
    }

    @Test
    void everyShippedConfigReadsAndSaysHowItScalesTheBatch() throws Exception {
        Path configs = Path.of(System.getProperty("user.dir")).resolveSibling("configs");
        try (var files = Files.walk(configs)) {
            var list = files.filter(f -> f.toString().endsWith(".json")).filter(f -> !f.getParent().endsWith("sweeps")).toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(8);
            for (Path f : list) {
                assertThat(Files.readString(f)).as(f.toString()).contains("\"batchScaling\"");
                assertThat(TrainRunConfig.read(f).scaling()).as(f.toString()).isEqualTo(org.fa4j.core.BatchScaling.MEAN);
            }
        }
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        String json = example().replaceAll(",\"batch\":[0-9]+", "");
        assertThatThrownBy(() -> TrainRunConfig.read(write(json))).hasMessageContaining("batch");
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        String json = example().replaceAll("\"epochs\":[0-9]+", "\"epochs\":\"many\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(json))).hasMessageContaining("'epochs'");
    }

    @Test
    void theEpochsAndTrialsOverridesChangeOnlyTheirFieldAndAreChecked() {
        TrainRunConfig c = TrainRunConfig.example();
        TrainRunConfig one = c.withEpochs(1);
        assertThat(one.epochs()).isEqualTo(1);
        assertThat(one.withEpochs(c.epochs())).isEqualTo(c);
        assertThat(c.withTrials(5).trials()).isEqualTo(5);
        assertThat(c.withTrials(5).withTrials(c.trials())).isEqualTo(c);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.withTrials(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.withEpochs(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epochs' is 0");
    }

    @Test
    void aFieldGivenTwiceIsRejectedNamingTheField() throws Exception {
        // Without strict duplicate detection Jackson silently keeps the last value (epochs 20 here).
        String json = example().replaceFirst("\\{", "{\"epochs\":3,");
        assertThat(json).contains("\"epochs\":3").contains("\"epochs\":20");
        assertThatThrownBy(() -> TrainRunConfig.read(write(json))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'epochs'").hasMessageContaining("twice").hasMessageContaining("c.json");
    }

    @Test
    void badJsonSyntaxNamesTheFileAndPlace() throws Exception {
        assertThatThrownBy(() -> TrainRunConfig.read(write("{\"version\":1,,}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.json").hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
    }

    @Test
    void theSeedOverrideChangesOnlyTheSeed() {
        TrainRunConfig c = TrainRunConfig.example();
        TrainRunConfig s = c.withSeed(99);
        assertThat(s.seed()).isEqualTo(99);
        assertThat(s.withSeed(c.seed())).isEqualTo(c);
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRefusedNotTruncated() throws Exception {
        String batch = example().replaceAll("\"batch\":[0-9]+", "\"batch\":100.5");
        assertThatThrownBy(() -> TrainRunConfig.read(write(batch))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.json").hasMessageContaining("config field 'batch' is 100.5").hasMessageContaining("expected an integer");
        for (String[] edit : new String[][] {{"\"epochs\":[0-9]+", "\"epochs\":20.0", "'epochs' is 20.0"},
                {"\"trials\":[0-9]+", "\"trials\":1.5", "'trials' is 1.5"},
                {"\"seed\":[0-9]+", "\"seed\":\"1411024\"", "'seed' is \"1411024\""},
                {"\"version\":1", "\"version\":1.0", "'version' is 1.0"},
                {"\"hiddenSizes\":\\[1000\\]", "\"hiddenSizes\":[20.7]", "'hiddenSizes' is [20.7]"}}) {
            String json = example().replaceAll(edit[0], edit[1]);
            assertThat(json).contains(edit[1]);
            assertThatThrownBy(() -> TrainRunConfig.read(write(json))).as(edit[1]).hasMessageContaining(edit[2])
                    .hasMessageContaining("expected");
        }
    }

    @Test
    void aQuotedNumberOrANumberForAStringIsRefused() throws Exception {
        String eta = example().replaceAll("\"eta\":[0-9.]+", "\"eta\":\"1.2\"");
        assertThatThrownBy(() -> TrainRunConfig.read(write(eta))).hasMessageContaining("'eta' is \"1.2\"").hasMessageContaining("a number");
        String rule = example().replace("\"rule\":\"fa\"", "\"rule\":5");
        assertThatThrownBy(() -> TrainRunConfig.read(write(rule))).hasMessageContaining("'rule' is 5").hasMessageContaining("a string");
    }

    @Test
    void aFileFarLargerThanAnyConfigIsRefusedBeforeItIsRead() throws Exception {
        String padded = example().replaceFirst("\\{", "{" + " ".repeat((int) TrainRunConfig.MAX_BYTES));
        assertThatThrownBy(() -> TrainRunConfig.read(write(padded))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.json: the config is " + padded.length() + " bytes");
        assertThat(TrainRunConfig.read(write(example().replaceFirst("\\{", "{" + " ".repeat(1000))))).isEqualTo(TrainRunConfig.example());
    }
}
