package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.NodePerturbation;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {

    /**
     * 128-256-10 with batch 32 makes the forward and update GEMMs large enough (≥ 2^18 multiply-adds) that fa-simd
     * splits them between threads; batch 1 runs the matrix–vector routes.
     */
    private static Model train(NetworkSpec spec, LearningRule rule, Linalg la, int batch, double eta) {
        Model m = Model.create(spec, rule, 21);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(eta).weightDecay(1e-4).batchSize(batch).epochs(2).seed(8).build())
                .linalg(la).build()
                .fit(Data.gaussian(96, 128, 1), Data.oneHot(96, 10, 2));
        return m;
    }

    private static void assertSameAtOneAndTwoThreads(NetworkSpec spec, Linalg la, double eta) {
        for (LearningRule rule : List.of(FeedbackAlignment.uniform(0.5), new Backprop(), new NodePerturbation(0.05))) {
            for (int batch : new int[] {1, 32}) {
                Model one = train(spec, rule, la.withThreads(1), batch, eta);
                Model two = train(spec, rule, la.withThreads(2), batch, eta);
                assertThat(two.contentEquals(one)).as("%s batch %d on %s", rule.name(), batch, la).isTrue();
            }
        }
    }

    /**
     * Both kernel paths: fa-simd splits GEMMs between threads on each, and its vector kernels round the same way
     * interpreted and C2-compiled (fa-simd's JitDeterminismTest), so these comparisons depend only on the thread count.
     */
    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void sameSeedGivesBitIdenticalReluModelsAtOneAndTwoThreads(KernelPath path) {
        NetworkSpec relu = NetworkSpec.newBuilder(128).layer(256, Activation.relu()).layer(10, Activation.identity()).init(Init.he()).build();
        assertSameAtOneAndTwoThreads(relu, Linalg.newBuilder().path(path).build(), 1e-3);
    }

    /** The paper's logistic units, on both kernel paths. */
    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void sameSeedGivesBitIdenticalLogisticModelsAtOneAndTwoThreads(KernelPath path) {
        assertSameAtOneAndTwoThreads(Data.logistic(128, 256, 10), Linalg.newBuilder().path(path).build(), 0.02);
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
                    seen[run][(int) s.step() - 1] = Float.floatToRawIntBits(s.inputs().get(0, 0));
                }
            }).build().fit(x, y);
        }
        assertThat(seen[1]).isEqualTo(seen[0]);
    }
}
