package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class BatchScalingTest {
    static final Linalg ONE = Linalg.newBuilder().threads(1).build();

    private static TrainingConfig.Builder base() {
        return TrainingConfig.newBuilder().weightDecay(0.25).batchSize(4).epochs(1).seed(5).shuffle(false);
    }

    /**
     * MEAN with η is SUM with η/k, bit for bit, for the full batches and for the smaller last one (10 rows in batches of
     * 4: the last has 2, so its factor is η/2, not η/4); the decay 1 − ηα is the same under both.
     */
    @Test
    void meanIsSumWithEtaOverTheRowsOfEachBatch() {
        Matrix x = Data.gaussian(10, 6, 1);
        Matrix y = Data.oneHot(10, 3, 2);
        NetworkSpec spec = Data.logistic(6, 5, 3);
        double eta = 0.5; // with α = 0.25 every product below is exact in binary, so both sides form the same decay
        Model mean = Model.create(spec, FeedbackAlignment.uniform(0.5), 7);
        Model sum = Model.create(spec, FeedbackAlignment.uniform(0.5), 7);
        Trainer tm = Trainer.newBuilder(mean, base().learningRate(eta).batchScaling(BatchScaling.MEAN).build()).linalg(ONE).build();
        Trainer ts4 = Trainer.newBuilder(sum, base().learningRate(eta / 4).weightDecay(0.25 * 4).build()).linalg(ONE).build();
        Trainer ts2 = Trainer.newBuilder(sum, base().learningRate(eta / 2).weightDecay(0.25 * 2).build()).linalg(ONE).build();
        for (int s = 0; s < 10; s += 4) {
            int e = Math.min(10, s + 4);
            tm.step(x.rows(s, e), y.rows(s, e));
            (e - s == 4 ? ts4 : ts2).step(x.rows(s, e), y.rows(s, e));
            for (int l = 0; l < 2; l++) {
                assertThat(mean.weights(l).contentEquals(sum.weights(l))).as("W_%d after rows %d..%d", l, s, e).isTrue();
            }
        }
    }

    /** At batch 1 the two scalings are the same update (the paper's online setting), bit for bit. */
    @Test
    void atBatchOneSumAndMeanAgree() {
        Matrix x = Data.gaussian(12, 6, 3);
        Matrix y = Data.oneHot(12, 3, 4);
        Model mean = Model.create(Data.logistic(6, 5, 3), KolenPollack.uniform(0.5).withDecay(0.1), 7);
        Model sum = mean.copy();
        Trainer.newBuilder(mean, base().batchSize(1).learningRate(0.2).batchScaling(BatchScaling.MEAN).build()).linalg(ONE).build().fit(x, y);
        Trainer.newBuilder(sum, base().batchSize(1).learningRate(0.2).batchScaling(BatchScaling.SUM).build()).linalg(ONE).build().fit(x, y);
        for (int l = 0; l < 2; l++) {
            assertThat(mean.weights(l).contentEquals(sum.weights(l))).as("W_%d", l).isTrue();
            assertThat(mean.bias(l).orElseThrow().contentEquals(sum.bias(l).orElseThrow())).as("b_%d", l).isTrue();
        }
        assertThat(mean.feedback(1).orElseThrow().contentEquals(sum.feedback(1).orElseThrow())).as("B_1").isTrue();
    }

    @Test
    void namesRoundTripAndABadNameListsTheChoices() {
        for (BatchScaling s : BatchScaling.values()) {
            assertThat(BatchScaling.named(s.id())).isEqualTo(s);
        }
        assertThatThrownBy(() -> BatchScaling.named("avg")).hasMessageContaining("'avg'").hasMessageContaining("\"sum\" or \"mean\"");
        assertThat(TrainingConfig.newBuilder().build().batchScaling()).isEqualTo(BatchScaling.SUM);
        assertThatThrownBy(() -> TrainingConfig.newBuilder().batchScaling(null).build()).hasMessageContaining("batchScaling");
    }

    /** A model file keeps the scaling of its last training; a file without the field means sum. */
    @Test
    void modelFilesKeepTheScaling() {
        Model m = Model.create(Data.logistic(6, 5, 3), FeedbackAlignment.uniform(0.5), 7);
        Trainer.newBuilder(m, base().learningRate(0.1).batchScaling(BatchScaling.MEAN).build()).linalg(ONE).build()
                .fit(Data.gaussian(8, 6, 1), Data.oneHot(8, 3, 2));
        String json = m.toJson();
        assertThat(json).contains("\"batchScaling\":\"mean\"");
        assertThat(Model.fromJson(json).lastTraining().orElseThrow().batchScaling()).isEqualTo(BatchScaling.MEAN);
        String old = json.replace(",\"batchScaling\":\"mean\"", "");
        assertThat(Model.fromJson(old).lastTraining().orElseThrow().batchScaling()).isEqualTo(BatchScaling.SUM);
        assertThatThrownBy(() -> Model.fromJson(json.replace("\"batchScaling\":\"mean\"", "\"batchScaling\":\"most\"")))
                .hasMessageContaining("training.batchScaling").hasMessageContaining("'most'");
    }

    /** A trainer used only through step() may carry a config of 0 epochs (TrainingConfig allows it); its model saves and loads. */
    @Test
    void aModelTrainedByStepsUnderAZeroEpochConfigLoadsBack() {
        Model m = Model.create(Data.logistic(6, 5, 3), FeedbackAlignment.uniform(0.5), 7);
        Trainer.newBuilder(m, base().epochs(0).learningRate(0.1).build()).linalg(ONE).build().step(Data.gaussian(4, 6, 1), Data.oneHot(4, 3, 2));
        assertThat(Model.fromJson(m.toJson()).lastTraining().orElseThrow().epochs()).isZero();
    }
}
