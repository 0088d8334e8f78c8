package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class TrainerScheduleTest {

    /** 24 rows, 80% of the inputs zero, so that layer 0 takes the sparse path too. */
    private static Matrix sparseInputs() {
        Matrix x = Data.gaussian(24, 40, 3);
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                if ((i * 7 + j * 3) % 5 != 0) {
                    x.set(i, j, 0f);
                }
            }
        }
        return x;
    }

    private static float[] parameters(Model m) {
        List<float[]> parts = new ArrayList<>();
        for (int l = 0; l < m.depth(); l++) {
            parts.add(m.weightsTransposed(l).toArray());
            m.bias(l).ifPresent(b -> parts.add(b.toArray()));
            m.feedback(l).ifPresent(b -> parts.add(b.toArray()));
        }
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] all = new float[n];
        int k = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, all, k, a.length);
            k += a.length;
        }
        return all;
    }

    /**
     * A decaying schedule applies, at update t, exactly the update of a constant-η trainer with η = rate(t): the run
     * equals a hand-stepped reference that makes each update with a fresh fixed-η trainer.
     */
    @Test
    void scheduledRunEqualsHandSteppedFixedRateUpdates() {
        Matrix x = sparseInputs();
        Matrix y = Data.oneHot(24, 5, 4);
        for (LearningRule rule : List.of(new Backprop(), FeedbackAlignment.uniform(0.5), KolenPollack.uniform(0.5))) {
            for (LearningRateSchedule s : List.of(LearningRateSchedule.linear(0), LearningRateSchedule.cosine(0.1))) {
                NetworkSpec spec = Data.logistic(40, 16, 5);
                TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.3).weightDecay(1e-2).batchSize(5).epochs(3)
                        .shuffle(false).schedule(s).build();
                Model run = Model.create(spec, rule, 7);
                Trainer.newBuilder(run, cfg).build().fit(x, y);

                Model ref = Model.create(spec, rule, 7);
                long total = 3 * 5; // 3 epochs of ⌈24 / 5⌉ = 5 batches
                long t = 0;
                for (int e = 0; e < 3; e++) {
                    for (int from = 0; from < 24; from += 5) {
                        int to = Math.min(24, from + 5);
                        double eta = s.rate(0.3, t++, total);
                        if (eta == 0) {
                            eta = Double.MIN_VALUE; // TrainingConfig needs η > 0; float(MIN_VALUE) is 0, the same update
                        }
                        TrainingConfig one = cfg.toBuilder().learningRate(eta).schedule(LearningRateSchedule.constant()).build();
                        Trainer.newBuilder(ref, one).build().step(x.rows(from, to).copy(), y.rows(from, to).copy());
                    }
                }
                assertThat(parameters(run)).as("%s %s", rule.name(), s.id()).isEqualTo(parameters(ref));
                assertThat(parameters(run)).as("the schedule matters").isNotEqualTo(parameters(fixed(spec, rule, cfg, x, y)));
            }
        }
    }

    private static Model fixed(NetworkSpec spec, LearningRule rule, TrainingConfig cfg, Matrix x, Matrix y) {
        Model m = Model.create(spec, rule, 7);
        Trainer.newBuilder(m, cfg.toBuilder().schedule(LearningRateSchedule.constant()).build()).build().fit(x, y);
        return m;
    }

    @Test
    void listenersSeeTheDecayedRateOfEveryUpdate() {
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.5).batchSize(4).epochs(2).schedule(LearningRateSchedule.linear(0)).build();
        List<Float> seen = new ArrayList<>();
        Model m = Model.create(Data.logistic(6, 5, 3), new Backprop(), 1);
        Trainer tr = Trainer.newBuilder(m, cfg).listener(new TrainingListener() {
            @Override
            public void onStep(StepContext c) {
                seen.add(c.learningRate());
            }
        }).build();
        tr.fit(Data.gaussian(10, 6, 1), Data.oneHot(10, 3, 2)); // ⌈10 / 4⌉ = 3 updates per epoch, T = 6
        assertThat(seen).containsExactly(0.5f, (float) (0.5 * 5 / 6), (float) (0.5 * 4 / 6), (float) (0.5 * 3 / 6), (float) (0.5 * 2 / 6),
                (float) (0.5 / 6));
        assertThat(tr.learningRate()).isEqualTo(0.0);
    }

    @Test
    void sameSeedGivesBitIdenticalScheduledRunsAtOneAndTwoThreads() {
        NetworkSpec spec = Data.logistic(128, 256, 10);
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.05).weightDecay(1e-4).batchSize(32).epochs(2).seed(8)
                .schedule(LearningRateSchedule.cosine(0)).build();
        float[][] p = new float[3][];
        int[] threads = {1, 1, 2};
        for (int i = 0; i < 3; i++) {
            Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 21);
            Trainer.newBuilder(m, cfg).linalg(Linalg.defaults().withThreads(threads[i])).build().fit(Data.gaussian(96, 128, 1), Data.oneHot(96, 10, 2));
            p[i] = parameters(m);
        }
        assertThat(p[1]).isEqualTo(p[0]);
        assertThat(p[2]).isEqualTo(p[0]);
    }

    /**
     * The constant schedule is the pre-schedule trainer bit for bit: the parameters' hash after this run was recorded
     * on main aca32e5 (before schedules existed) with the same code.
     */
    @Test
    void constantScheduleReproducesThePreScheduleTrainerBitForBit() {
        assertThat(preScheduleHash()).isEqualTo(PRE_SCHEDULE_HASH);
    }

    static final int PRE_SCHEDULE_HASH = -788771213;

    /** FA on sparse inputs (batch 5, decay) and BP online (batch 1), each with the 6-argument (pre-schedule) constructor. */
    static int preScheduleHash() {
        Model m = Model.create(Data.logistic(40, 16, 5), FeedbackAlignment.uniform(0.5), 7);
        Trainer.newBuilder(m, new TrainingConfig(0.3, 1e-2, 5, 3, 11, true)).build().fit(sparseInputs(), Data.oneHot(24, 5, 4));
        Model b = Model.create(Data.logistic(40, 16, 5), new Backprop(), 7);
        Trainer.newBuilder(b, new TrainingConfig(0.1, 1e-3, 1, 2, 12, true)).build().fit(Data.gaussian(24, 40, 5), Data.oneHot(24, 5, 6));
        return 31 * Arrays.hashCode(parameters(m)) + Arrays.hashCode(parameters(b));
    }

    @Test
    void stepWithADecayingScheduleNeedsTheRunLengthFirst() {
        Model m = Model.create(Data.logistic(6, 5, 3), new Backprop(), 1);
        Trainer tr = Trainer.newBuilder(m, TrainingConfig.newBuilder().schedule(LearningRateSchedule.linear(0)).build()).build();
        assertThatThrownBy(() -> tr.step(Data.gaussian(2, 6, 1), Data.oneHot(2, 3, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("linear").hasMessageContaining("fit or epoch");
    }

    @Test
    void scheduleRoundTripsThroughModelJsonAndBadValuesNameTheField() {
        Model m = Model.create(Data.logistic(6, 5, 3), new Backprop(), 1);
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.2).epochs(1).schedule(LearningRateSchedule.cosine(0.1)).build();
        Trainer.newBuilder(m, cfg).build().fit(Data.gaussian(4, 6, 1), Data.oneHot(4, 3, 2));
        String json = m.toJson();
        assertThat(json).contains("\"schedule\":\"cosine:0.1\"");
        assertThat(Model.fromJson(json).lastTraining().orElseThrow()).isEqualTo(cfg);
        assertThat(Model.fromJson(json.replace(",\"schedule\":\"cosine:0.1\"", "")).lastTraining().orElseThrow().schedule())
                .as("files from before schedules read as constant").isEqualTo(LearningRateSchedule.constant());
        assertThatThrownBy(() -> Model.fromJson(json.replace("cosine:0.1", "warmup"))).hasMessageContaining("training.schedule")
                .hasMessageContaining("'warmup'");
        assertThatThrownBy(() -> Model.fromJson(json.replace("\"cosine:0.1\"", "3"))).hasMessageContaining("training.schedule")
                .hasMessageContaining("3");
    }
}
