package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static Model train(LearningRule rule, int threads, int batch) {
        Model m = Model.create(Data.logistic(64, 96, 10), rule, 21);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.05).weightDecay(1e-4).batchSize(batch).epochs(2).seed(8).build())
                .linalg(Linalg.newBuilder().threads(threads).build()).build()
                .fit(Data.gaussian(150, 64, 1), Data.oneHot(150, 10, 2));
        return m;
    }

    @Test
    void sameSeedGivesBitIdenticalModelsAtOneAndTwoThreads() {
        for (LearningRule rule : List.of(FeedbackAlignment.uniform(0.5), new Backprop(), new NodePerturbation(0.05))) {
            for (int batch : new int[] {1, 32}) {
                Model one = train(rule, 1, batch);
                Model two = train(rule, 2, batch);
                assertThat(two.contentEquals(one)).as("%s batch %d", rule.name(), batch).isTrue();
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        Model a = Model.create(Data.logistic(8, 6, 3), FeedbackAlignment.uniform(0.5), 1);
        Model b = Model.create(Data.logistic(8, 6, 3), FeedbackAlignment.uniform(0.5), 2);
        assertThat(a.weights(0).contentEquals(b.weights(0))).isFalse();
        assertThat(a.feedback(1).orElseThrow().contentEquals(b.feedback(1).orElseThrow())).isFalse();
    }

    /** The paper's protocol: BP and FA runs with one seed share initial forward weights and the data order. */
    @Test
    void backpropAndFeedbackAlignmentRunsShareInitAndDataOrder() {
        NetworkSpec spec = Data.logistic(8, 6, 3);
        Model bp = Model.create(spec, new Backprop(), 4);
        Model fa = Model.create(spec, FeedbackAlignment.uniform(0.5), 4);
        for (int l = 0; l < 2; l++) {
            assertThat(fa.weights(l).contentEquals(bp.weights(l))).isTrue();
        }
        Matrix x = Data.gaussian(20, 8, 5);
        Matrix y = Data.oneHot(20, 3, 6);
        long[][] seen = new long[2][20];
        int k = 0;
        for (Model m : List.of(bp, fa)) {
            int run = k++;
            Trainer.newBuilder(m, TrainingConfig.newBuilder().seed(9).build()).listener(new TrainingListener() {
                @Override
                public void onStep(StepContext s) {
                    seen[run][(int) s.step()] = Float.floatToRawIntBits(s.inputs().get(0, 0));
                }
            }).build().fit(x, y);
        }
        assertThat(seen[1]).isEqualTo(seen[0]);
    }
}
