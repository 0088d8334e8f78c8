package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fa4j.core.Activation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.datasets.LinearTask;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The checks on a user's fa-core model, against independent float64 answers: EJML's own pseudoinverse, a forward and
 * backward pass written out here, and feedback matrices set to {@code ±Wᵀ} or {@code ±W⁺}, whose angles and signs are
 * known exactly. Each check is shown passing and failing.
 */
class ModelChecksTest {
    static final Linalg ONE = Linalg.newBuilder().threads(1).build();
    static final LinearTask TASK = LinearTask.generate(5, 2000, 200);

    static NetworkSpec linear() {
        return NetworkSpec.newBuilder(LinearTask.INPUTS).layer(20, Activation.identity(), false)
                .layer(LinearTask.OUTPUTS, Activation.identity(), false).init(Init.uniform(0.01)).build();
    }

    static NetworkSpec logistic() {
        return NetworkSpec.newBuilder(LinearTask.INPUTS).layer(16, Activation.logistic()).layer(8, Activation.logistic())
                .layer(LinearTask.OUTPUTS, Activation.identity()).init(Init.uniform(0.2)).build();
    }

    static Model trainedFa(long seed) {
        Model m = Model.create(linear(), FeedbackAlignment.uniform(0.5), seed);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(3e-3).batchSize(1).epochs(1).seed(seed).build()).linalg(ONE)
                .build().fit(TASK.train());
        return m;
    }

    /** {@code m}'s matrix {@code W_l := s · M} (M in the paper's layout). */
    static void setWeights(Model m, int l, DMatrixRMaj mat, double s) {
        Matrix w = Matrix.zeros(mat.numRows, mat.numCols);
        for (int i = 0; i < mat.numRows; i++) {
            for (int j = 0; j < mat.numCols; j++) {
                w.set(i, j, (float) (s * mat.get(i, j)));
            }
        }
        m.setWeights(l, w);
    }

    /** B_l := s · W_lᵀ in the live feedback matrix. */
    static void setFeedbackToTranspose(Model m, int l, float s) {
        Matrix b = m.feedback(l).orElseThrow();
        Matrix wt = m.weightsTransposed(l);
        for (int i = 0; i < b.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                b.set(i, j, s * wt.get(i, j));
            }
        }
    }

    @Test
    void weightsEqualToPlusOrMinusThePseudoinverseGiveZeroAndOneEightyDegrees() {
        Model m = Model.create(linear(), FeedbackAlignment.uniform(0.5), 1);
        DMatrixRMaj bPinv = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.pinv(Mat64.of(m.feedback(1).orElseThrow()), bPinv); // EJML's own, not Mat64.pinv
        setWeights(m, 1, bPinv, 1);
        LayerAlignment a = ModelChecks.weightAlignment(m).get(0);
        assertThat(a.layer()).isEqualTo(1);
        assertThat(a.angleToPseudoinverse()).isCloseTo(0, within(0.01));
        ModelChecks.weightsAlignWithPseudoinverse(m, 1).assertPassed();
        setWeights(m, 1, bPinv, -2);
        assertThat(ModelChecks.weightAlignment(m).get(0).angleToPseudoinverse()).isCloseTo(180, within(0.01));
        CheckReport opposite = ModelChecks.weightsAlignWithPseudoinverse(m, 45);
        assertThat(opposite.verdict()).isEqualTo(Verdict.FAIL);
        assertThatThrownBy(opposite::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("weights-align-with-pseudoinverse").hasMessageContaining("FAIL")
                .hasMessageContaining("180.00° at layer 1").hasMessageContaining("required below 45.00°");
    }

    /**
     * Trained by FA on the linear task, W lines up with B⁺ far better than a random W does (near 90°): the paper's
     * Proof #3. The untrained model of the same seed fails the same check.
     */
    @Test
    void trainingByFeedbackAlignmentBringsWTowardsThePseudoinverse() {
        Model untrained = Model.create(linear(), FeedbackAlignment.uniform(0.5), 2);
        double before = ModelChecks.weightAlignment(untrained).get(0).angleToPseudoinverse();
        assertThat(before).isBetween(60.0, 120.0);
        assertThat(ModelChecks.weightsAlignWithPseudoinverse(untrained, 45).verdict()).isEqualTo(Verdict.FAIL);
        Model m = trainedFa(2);
        LayerAlignment after = ModelChecks.weightAlignment(m).get(0);
        assertThat(after.angleToPseudoinverse()).isLessThan(45);
        assertThat(after.angleToTranspose()).isLessThan(90);
        ModelChecks.weightsAlignWithPseudoinverse(m, 45).assertPassed();
    }

    /** With B = Wᵀ the two hidden signals are the same vector (0°, δᵀWBδ = ‖Wᵀδ‖² > 0); with B = −Wᵀ, opposite. */
    @Test
    void feedbackEqualToPlusOrMinusTheTransposeGivesKnownAnglesAndSigns() {
        Model m = Model.create(logistic(), FeedbackAlignment.uniform(0.5), 3);
        Matrix x = TASK.test().inputs();
        Matrix y = TASK.test().targets();
        for (int l = 1; l <= 2; l++) {
            setFeedbackToTranspose(m, l, 1);
        }
        for (SignalAlignment s : ModelChecks.signalAlignment(m, x, y)) {
            assertThat(s.angle()).as("hidden %d", s.hiddenLayer()).isCloseTo(0, within(1e-3));
            assertThat(s.fractionPositive()).isEqualTo(1.0);
            assertThat(s.examples()).isEqualTo(200);
        }
        ModelChecks.conditionOne(m, x, y, 1.0).assertPassed();
        ModelChecks.hiddenUpdatesAlignWithBackprop(m, x, y, 1).assertPassed();
        for (int l = 1; l <= 2; l++) {
            setFeedbackToTranspose(m, l, -1);
        }
        CheckReport c1 = ModelChecks.conditionOne(m, x, y, 0.5);
        assertThat(c1.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c1.finding()).contains("fails").contains("0.0% of 200 examples positive").contains("required mean > 0");
        CheckReport angle = ModelChecks.hiddenUpdatesAlignWithBackprop(m, x, y, 90);
        assertThat(angle.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(angle.finding()).contains("180.00°");
    }

    /** δᵀWBδ and the angle against a float64 forward and backward pass of a one-hidden-layer logistic network. */
    @Test
    void theSignalsMatchAFloat64Reference() {
        NetworkSpec spec = NetworkSpec.newBuilder(LinearTask.INPUTS).layer(12, Activation.logistic())
                .layer(LinearTask.OUTPUTS, Activation.logistic()).init(Init.uniform(0.3)).build();
        Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 4);
        Matrix x = TASK.test().inputs().rows(0, 50);
        Matrix y = TASK.test().targets().rows(0, 50);
        Matrix w0 = m.weights(0);
        Matrix w1 = m.weights(1);
        Matrix b0 = m.bias(0).orElseThrow();
        Matrix b1 = m.bias(1).orElseThrow();
        Matrix b = m.feedback(1).orElseThrow();
        double sum = 0;
        int positive = 0;
        double[] fa = new double[50 * 12];
        double[] bp = new double[50 * 12];
        for (int e = 0; e < 50; e++) {
            double[] h = new double[12];
            for (int j = 0; j < 12; j++) {
                double a = b0.get(0, j);
                for (int i = 0; i < LinearTask.INPUTS; i++) {
                    a += w0.get(j, i) * x.get(e, i);
                }
                h[j] = 1 / (1 + Math.exp(-a));
            }
            double[] delta = new double[LinearTask.OUTPUTS];
            for (int k = 0; k < LinearTask.OUTPUTS; k++) {
                double a = b1.get(0, k);
                for (int j = 0; j < 12; j++) {
                    a += w1.get(k, j) * h[j];
                }
                double out = 1 / (1 + Math.exp(-a));
                delta[k] = (y.get(e, k) - out) * out * (1 - out);
            }
            double dot = 0;
            for (int j = 0; j < 12; j++) {
                for (int k = 0; k < LinearTask.OUTPUTS; k++) {
                    fa[e * 12 + j] += b.get(j, k) * delta[k];
                    bp[e * 12 + j] += w1.get(k, j) * delta[k];
                }
                dot += fa[e * 12 + j] * bp[e * 12 + j];
            }
            sum += dot;
            positive += dot > 0 ? 1 : 0;
        }
        SignalAlignment s = ModelChecks.signalAlignment(m, x, y).get(0);
        assertThat(s.meanProduct()).isCloseTo(sum / 50, within(Math.abs(sum / 50) * 1e-4 + 1e-12));
        assertThat(s.fractionPositive()).isEqualTo(positive / 50.0);
        assertThat(s.angle()).isCloseTo(Mat64.signedAngleDeg(fa, bp), within(1e-3));
        assertThat(m.contentEquals(Model.create(spec, FeedbackAlignment.uniform(0.5), 4))).as("the model is not changed").isTrue();
    }

    @Test
    void aModelWithoutFeedbackIsRefusedWithTheReason() {
        Model bp = Model.create(linear(), new Backprop(), 1);
        assertThatThrownBy(() -> ModelChecks.weightAlignment(bp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(backprop) keeps no feedback matrix");
        assertThatThrownBy(() -> ModelChecks.weightsAlignWithPseudoinverse(trainedFa(1), 0)).hasMessageContaining("maxAngleDegrees");
    }
}
