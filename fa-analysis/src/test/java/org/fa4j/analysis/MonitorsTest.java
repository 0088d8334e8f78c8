package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fa4j.core.Activation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.datasets.LinearTask;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** The training monitors on the linear task (Task 1's shapes), each shown passing and failing. */
class MonitorsTest {
    static final LinearTask TASK = ModelChecksTest.TASK;

    static Trainer trainer(Model m, double eta, double alpha, AlignmentMonitor a, ConservationMonitor c) {
        Trainer.Builder b = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(eta).weightDecay(alpha).batchSize(1).epochs(1)
                .seed(9).build()).linalg(ModelChecksTest.ONE);
        if (a != null) {
            b.listener(a);
        }
        if (c != null) {
            b.listener(c);
        }
        return b.build();
    }

    /** From small weights condition (1) is acquired early in training (the paper's insight 2) and the angle falls. */
    @Test
    void conditionOneIsAcquiredAndTheAngleFallsUnderFeedbackAlignment() {
        Model m = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 6);
        AlignmentMonitor mon = AlignmentMonitor.of(m, 5);
        trainer(m, 3e-3, 0, mon, null).fit(TASK.train());
        assertThat(mon.samples()).hasSize(400);
        assertThat(mon.samples().get(0).step()).isEqualTo(1);
        mon.conditionOneAcquiredBy(1000, 20).assertPassed();
        CheckReport angle = mon.finalAngleBelow(45, 40).assertPassed();
        assertThat((double) angle.measured().get("hidden0.firstAngle")).isGreaterThan(60);
        // A deadline before the turn fails, naming the step it came at.
        CheckReport tooEarly = mon.conditionOneAcquiredBy(1, 20);
        assertThat(tooEarly.verdict()).isEqualTo(Verdict.FAIL);
        long turn = (long) tooEarly.measured().get("hidden0.positiveFromStep");
        assertThat(tooEarly.finding()).contains("stays positive from step " + turn).contains("required positive from step 1 at the latest");
    }

    /** With B = −Wᵀ and an η too small to learn anything, δᵀWBδ = −‖Wᵀδ‖² stays negative: the check fails. */
    @Test
    void conditionOneIsNotAcquiredWhenTheFeedbackOpposesAndNothingIsLearned() {
        Model m = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 6);
        ModelChecksTest.setFeedbackToTranspose(m, 1, -1);
        AlignmentMonitor mon = AlignmentMonitor.of(m, 10);
        trainer(m, 1e-9, 0, mon, null).fit(TASK.train().inputs().rows(0, 400), TASK.train().targets().rows(0, 400));
        CheckReport r = mon.conditionOneAcquiredBy(400, 5);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).contains("not positive").contains("(step 391)");
        assertThat(mon.finalAngleBelow(90, 5).verdict()).isEqualTo(Verdict.FAIL);
        assertThatThrownBy(() -> AlignmentMonitor.of(m, 10).conditionOneAcquiredBy(10, 5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 samples");
    }

    /**
     * Eq. (14) on fa-core's float32 network: each online step changes C by −ΔW₀ΔW₀ᵀ = O(η²), so over the same
     * horizon in ηt the drift scales with η. Thresholds: at η = 1e-3 over ηt = 2 the drift stays under 10% of C's
     * scale (it is 5.6% here); a quarter of η gives about a quarter of the drift (between 0.15× and 0.4×).
     */
    @Test
    void theConservedQuantityDriftsInProportionToEta() {
        double[] drift = new double[2];
        double[] etas = {4e-3, 1e-3};
        for (int i = 0; i < 2; i++) {
            Model m = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 8);
            ConservationMonitor law = ConservationMonitor.of(m, 10);
            int steps = (int) Math.round(2 / etas[i]);
            Matrix x = repeat(TASK.train().inputs(), steps);
            Matrix y = repeat(TASK.train().targets(), steps);
            trainer(m, etas[i], 0, null, law).fit(x, y);
            assertThat(law.samples().get(law.samples().size() - 1).step()).isEqualTo(steps);
            drift[i] = law.maxRelativeDrift();
        }
        assertThat(drift[1]).isLessThan(0.1);
        assertThat(drift[1] / drift[0]).isBetween(0.15, 0.4);
    }

    /** Weight decay shrinks W and W₀ at different rates and breaks the law: the check fails at the same threshold. */
    @Test
    void weightDecayBreaksTheLawAndTheCheckSaysWhere() {
        Model m = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 8);
        ConservationMonitor law = ConservationMonitor.of(m, 10);
        trainer(m, 1e-3, 0, null, law).fit(TASK.train());
        law.conservationLaw(0.1).assertPassed();
        Model decayed = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 8);
        ConservationMonitor broken = ConservationMonitor.of(decayed, 10);
        trainer(decayed, 1e-3, 5, null, broken).fit(TASK.train());
        CheckReport r = broken.conservationLaw(0.1);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).contains("at step").contains("required below 0.100");
    }

    /**
     * The known answer: an online step changes W₀ by ΔW₀ = η(Be)xᵀ and C by exactly −ΔW₀ΔW₀ᵀ, so C(T) − C(0) is
     * −Σ_t η²‖x_t‖²(Be_t)(Be_t)ᵀ, summed here in float64 from each step's error and input; the monitor's drift is its
     * norm, up to the float32 rounding of the weights (tolerance 1e-3 relative).
     */
    @Test
    void theDriftIsTheSumOfTheSquaredUpdatesOfW0() {
        Model m = Model.create(ModelChecksTest.linear(), FeedbackAlignment.uniform(0.5), 8);
        ConservationMonitor law = ConservationMonitor.of(m, 1);
        double eta = 2e-3;
        org.ejml.data.DMatrixRMaj sum = new org.ejml.data.DMatrixRMaj(20, 20);
        Matrix b = m.feedback(1).orElseThrow();
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(eta).batchSize(1).epochs(1).seed(9).build()).linalg(ModelChecksTest.ONE)
                .listener(law).listener(new org.fa4j.core.TrainingListener() {
                    @Override
                    public void onStep(org.fa4j.core.StepContext s) {
                        double xx = 0;
                        for (int i = 0; i < s.inputs().cols(); i++) {
                            xx += (double) s.inputs().get(0, i) * s.inputs().get(0, i);
                        }
                        double[] be = new double[20];
                        for (int j = 0; j < 20; j++) {
                            for (int k = 0; k < 10; k++) {
                                be[j] += b.get(j, k) * (double) s.error().get(0, k);
                            }
                        }
                        for (int i = 0; i < 20; i++) {
                            for (int j = 0; j < 20; j++) {
                                sum.add(i, j, eta * eta * xx * be[i] * be[j]);
                            }
                        }
                    }
                }).build().fit(TASK.train());
        double expected = Mat64.normF(sum);
        ConservationMonitor.Sample last = law.samples().get(law.samples().size() - 1);
        assertThat(last.step()).isEqualTo(2000);
        assertThat(last.drift()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void modelsTheLawDoesNotCoverAreRefusedWithTheReasons() {
        NetworkSpec tanh = NetworkSpec.newBuilder(30).layer(20, Activation.tanh()).layer(10, Activation.identity()).init(Init.uniform(0.1))
                .build();
        assertThatThrownBy(() -> ConservationMonitor.of(Model.create(tanh, FeedbackAlignment.uniform(0.5), 1), 1))
                .hasMessageContaining("layer 0 is tanh, not linear").hasMessageContaining("layer 0 has biases");
        assertThatThrownBy(() -> ConservationMonitor.of(Model.create(ModelChecksTest.linear(), KolenPollack.uniform(0.5), 1), 1))
                .hasMessageContaining("its rule is kolen-pollack");
    }

    private static Matrix repeat(Matrix m, int rows) {
        Matrix out = Matrix.zeros(rows, m.cols());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.set(i, j, m.get(i % m.rows(), j));
            }
        }
        return out;
    }
}
