package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fa4j.core.FamilyFixtures.*;

import java.util.Arrays;
import java.util.stream.Stream;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.Shallow;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every rule beyond the paper promises: JSON round trip, determinism, no allocation, learning. */
class FamilyRuleContractTest {
    static final Matrix X = inputs(128, 10, 11);
    static final Matrix Y = teacher(X, 5, false, 12);
    static final Matrix TEST_X = inputs(256, 10, 13);
    static final Matrix TEST_Y = teacher(TEST_X, 5, false, 12);

    static Stream<LearningRule> rules() {
        return Arrays.stream(familyRules());
    }

    private static TrainingConfig config(int batch, int epochs) {
        return TrainingConfig.newBuilder().learningRate(0.02).weightDecay(1e-3).batchSize(batch).epochs(epochs).seed(5).build();
    }

    private static Model trained(LearningRule rule, Linalg la, int batch, int epochs) {
        Model m = Model.create(deepSpec(), rule, 3);
        Trainer.newBuilder(m, config(batch, epochs)).linalg(la).build().fit(X, Y);
        return m;
    }

    @ParameterizedTest
    @MethodSource("rules")
    void jsonRoundTripIsBitExactAndTrainingContinuesIdentically(LearningRule rule) {
        Model m = trained(rule, ONE_THREAD, 4, 1);
        Model loaded = Model.fromJson(m.toJson());
        assertThat(loaded.contentEquals(m)).isTrue();
        assertThat(loaded.rule()).isEqualTo(rule);
        // a further epoch from the original and from the copy read back: every stream, and frSF's |R|, must agree
        Trainer.newBuilder(m, config(4, 1)).linalg(ONE_THREAD).build().fit(X, Y);
        Trainer.newBuilder(loaded, config(4, 1)).linalg(ONE_THREAD).build().fit(X, Y);
        assertThat(loaded.contentEquals(m)).as("continued after reload").isTrue();
    }

    /**
     * 128-256-256-10 at batch 32: the forward, update and (Kolen–Pollack) feedback-update GEMMs have ≥ 2^18
     * multiply-adds, so fa-simd really splits them between two threads.
     */
    @ParameterizedTest
    @MethodSource("rules")
    void sameSeedGivesBitIdenticalModelsAtOneAndTwoThreads(LearningRule rule) {
        Matrix x = inputs(96, 128, 71);
        Matrix y = teacher(x, 10, false, 72);
        Model one = Model.create(wideSpec(), rule, 3);
        Model two = Model.create(wideSpec(), rule, 3);
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.01).weightDecay(1e-3).batchSize(32).epochs(2).seed(5).build();
        Trainer.newBuilder(one, c).linalg(ONE_THREAD).build().fit(x, y);
        Trainer.newBuilder(two, c).linalg(TWO_THREADS).build().fit(x, y);
        assertThat(two.contentEquals(one)).isTrue();
        assertThat(one.contentEquals(Model.create(wideSpec(), rule, 3))).as("training changed something").isFalse();
    }

    /**
     * The rule's own per-step work (B refreshes, redraws, mirror noise, KP updates, DFA projections) allocates nothing
     * once warm. Run on the scalar kernels so that the measurement is of the rule, not of fa-simd's vector kernels
     * (which currently allocate; see AllocationTest).
     */
    @ParameterizedTest
    @MethodSource("rules")
    void steadyStateStepAllocatesNothing(LearningRule rule) {
        Model m = Model.create(deepSpec(), rule, 3);
        Trainer t = Trainer.newBuilder(m, config(8, 1)).linalg(ONE_THREAD).build();
        Matrix x = X.rows(0, 8).copy();
        Matrix y = Y.rows(0, 8).copy();
        Runnable steps = () -> {
            for (int i = 0; i < 200; i++) {
                t.step(x, y);
            }
        };
        // Warm up (workspaces, scratch, JIT) until 200 steps allocate nothing: until C2 has compiled the Vector API
        // code it runs in C1, where every vector is an object, and when that happens depends on the machine's load.
        int rounds = 0;
        while (allocationOf(steps) != 0 && rounds < 200) {
            rounds++;
        }
        long bytes = allocationOf(steps);
        assertThat(bytes).as("bytes allocated by 200 steps of " + rule + " after " + 200 * (rounds + 1) + " warm-up steps").isZero();
    }

    /**
     * Ten online epochs on a random tanh teacher, on the default (vector) kernels. Threshold: a tenth of the initial held-out loss. Shallow learning
     * (hidden layers frozen at their random start, same seed and data order) stays above it (0.35 of the start here),
     * backprop gets to 0.06, so passing needs hidden layers that learn usefully; the test checks the Shallow side too.
     */
    @ParameterizedTest
    @MethodSource("rules")
    void trainingCutsTheHeldOutLossTenfoldWhereShallowLearningCannot(LearningRule rule) {
        Model m = Model.create(deepSpec(), rule, 3);
        Model shallow = Model.create(deepSpec(), new Shallow(), 3);
        double before = meanLoss(m, TEST_X, TEST_Y);
        Trainer.newBuilder(m, config(1, 10)).linalg(DEFAULT).build().fit(X, Y);
        Trainer.newBuilder(shallow, config(1, 10)).linalg(DEFAULT).build().fit(X, Y);
        assertThat(meanLoss(shallow, TEST_X, TEST_Y)).as("shallow baseline").isGreaterThan(0.1 * before);
        assertThat(meanLoss(m, TEST_X, TEST_Y)).isLessThan(0.1 * before);
    }
}
