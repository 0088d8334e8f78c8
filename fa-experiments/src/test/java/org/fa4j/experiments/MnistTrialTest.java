package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.datasets.Dataset;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** The experiments' use of fa-core: the per-batch-mean schedule, the shared forward init, sparse FA and the angle probe. */
class MnistTrialTest {

    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, (float) r.nextDouble());
            }
        }
        return m;
    }

    private static Matrix oneHot(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix y = Matrix.zeros(rows, 10);
        for (int i = 0; i < rows; i++) {
            y.set(i, r.nextInt(10), 1f);
        }
        return y;
    }

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    void oneBatchStepIsTheMeanOverTheBatchWithDecayEtaAlphaAsAFloat64ReferenceComputesIt() {
        int n = 6;
        int h = 5;
        int m = 4;
        double eta = 0.5;
        double alpha = 0.01;
        Model model = Model.create(MnistTrial.spec(n, h, 0.4, MnistRule.BACKPROP), MnistRule.BACKPROP.create(0.4, 0.5), 11);
        Matrix x = random(m, n, 1);
        Matrix y = oneHot(m, 2);
        double[][][] w = new double[2][][];
        double[][] b = new double[2][];
        for (int l = 0; l < 2; l++) {
            Matrix wl = model.weights(l);
            w[l] = new double[wl.rows()][wl.cols()];
            for (int i = 0; i < wl.rows(); i++) {
                for (int j = 0; j < wl.cols(); j++) {
                    w[l][i][j] = wl.get(i, j);
                }
            }
            b[l] = new double[wl.rows()];
            Matrix bl = model.bias(l).orElseThrow();
            for (int i = 0; i < wl.rows(); i++) {
                b[l][i] = bl.get(0, i);
            }
        }
        // Float64 reference: W ← (1 − ηα)W + (η/m) Σ δ aᵀ, b ← b + (η/m) Σ δ, δ_y = e ∘ σ', δ_h = (W_1ᵀ δ_y) ∘ σ'.
        double[][] dW0 = new double[h][n];
        double[][] dW1 = new double[10][h];
        double[] db0 = new double[h];
        double[] db1 = new double[10];
        for (int e = 0; e < m; e++) {
            double[] hid = new double[h];
            for (int i = 0; i < h; i++) {
                double s = b[0][i];
                for (int j = 0; j < n; j++) {
                    s += w[0][i][j] * x.get(e, j);
                }
                hid[i] = sigma(s);
            }
            double[] dy = new double[10];
            for (int k = 0; k < 10; k++) {
                double s = b[1][k];
                for (int i = 0; i < h; i++) {
                    s += w[1][k][i] * hid[i];
                }
                double out = sigma(s);
                dy[k] = (y.get(e, k) - out) * out * (1 - out);
                db1[k] += dy[k];
                for (int i = 0; i < h; i++) {
                    dW1[k][i] += dy[k] * hid[i];
                }
            }
            for (int i = 0; i < h; i++) {
                double s = 0;
                for (int k = 0; k < 10; k++) {
                    s += w[1][k][i] * dy[k];
                }
                double dh = s * hid[i] * (1 - hid[i]);
                db0[i] += dh;
                for (int j = 0; j < n; j++) {
                    dW0[i][j] += dh * x.get(e, j);
                }
            }
        }
        Trainer.newBuilder(model, MnistTrial.config(eta, m, 1, alpha, 3)).linalg(Linalg.defaults().withThreads(1)).build().step(x, y);
        double[][][] dW = {dW0, dW1};
        double[][] db = {db0, db1};
        for (int l = 0; l < 2; l++) {
            Matrix wl = model.weights(l);
            Matrix bl = model.bias(l).orElseThrow();
            for (int i = 0; i < wl.rows(); i++) {
                assertThat((double) bl.get(0, i)).as("b_%d[%d]", l, i).isCloseTo(b[l][i] + eta / m * db[l][i], within(1e-6));
                for (int j = 0; j < wl.cols(); j++) {
                    double want = (1 - eta * alpha) * w[l][i][j] + eta / m * dW[l][i][j];
                    assertThat((double) wl.get(i, j)).as("W_%d[%d][%d]", l, i, j).isCloseTo(want, within(1e-6));
                }
            }
        }
    }

    @Test
    void everyRuleOfATrialStartsFromTheSameForwardWeightsAndEachTrialDrawsANewB() {
        NetworkSpec bpSpec = MnistTrial.spec(20, 8, 0.05, MnistRule.BACKPROP);
        Matrix w0 = Model.create(bpSpec, MnistRule.BACKPROP.create(0.05, 0.2), 42).weights(0);
        for (MnistRule r : MnistRule.values()) {
            Model model = Model.create(MnistTrial.spec(20, 8, 0.05, r), r.create(0.05, 0.2), 42);
            assertThat(model.weights(0).contentEquals(w0)).as(r.id).isTrue();
        }
        Matrix b1 = Model.create(bpSpec, MnistRule.FEEDBACK_ALIGNMENT.create(0.05, 0.2), 42).feedback(1).orElseThrow();
        Matrix b2 = Model.create(bpSpec, MnistRule.FEEDBACK_ALIGNMENT.create(0.05, 0.2), 43).feedback(1).orElseThrow();
        assertThat(b1.contentEquals(b2)).isFalse();
    }

    @Test
    void sparseFaRemovesHalfOfTheOutputWeightsAndOfBAndKeepsThemAtZeroDuringLearning() {
        Model model = Model.create(MnistTrial.spec(30, 200, 0.1, MnistRule.SPARSE_FA), MnistRule.SPARSE_FA.create(0.1, 0.5), 5);
        Matrix mask = model.weightMask(1).orElseThrow();
        Matrix bMask = model.feedbackMask(1).orElseThrow();
        double removedW = 1 - mean(mask);
        double removedB = 1 - mean(bMask);
        assertThat(removedW).isCloseTo(0.5, within(0.05));
        assertThat(removedB).isCloseTo(0.5, within(0.05));
        Trainer.newBuilder(model, MnistTrial.config(0.5, 8, 1, 1e-6, 1)).build().fit(random(64, 30, 7), oneHot(64, 8));
        Matrix w1 = model.weights(1);
        Matrix fb = model.feedback(1).orElseThrow();
        for (int i = 0; i < w1.rows(); i++) {
            for (int j = 0; j < w1.cols(); j++) {
                if (mask.get(i, j) == 0f) {
                    assertThat(w1.get(i, j)).isZero();
                }
            }
        }
        for (int i = 0; i < fb.rows(); i++) {
            for (int j = 0; j < fb.cols(); j++) {
                if (bMask.get(i, j) == 0f) {
                    assertThat(fb.get(i, j)).isZero();
                }
            }
        }
    }

    private static double mean(Matrix m) {
        double s = 0;
        for (float v : m.toArray()) {
            s += v;
        }
        return s / (m.rows() * m.cols());
    }

    @Test
    void theAngleProbeIsZeroWhenBIsWTransposedAndLargeForARandomB() {
        Model model = Model.create(MnistTrial.spec(30, 50, 0.1, MnistRule.FEEDBACK_ALIGNMENT), MnistRule.FEEDBACK_ALIGNMENT.create(0.1, 0.5), 9);
        Linalg la = Linalg.defaults().withThreads(1);
        Matrix x = random(20, 30, 4);
        Matrix y = oneHot(20, 5);
        double[] random = MnistTrial.angleToBackprop(model, x, y, la);
        assertThat(random[0]).isGreaterThan(60).isLessThanOrEqualTo(90);
        model.feedback(1).orElseThrow().copyFrom(model.weightsTransposed(1));
        double[] aligned = MnistTrial.angleToBackprop(model, x, y, la);
        assertThat(aligned[0]).isLessThan(0.5);
        assertThat(aligned[1]).isLessThan(0.5);
    }

    @Test
    void perBatchMeanConfigCarriesTheScheduleEtaAndDecayAsGiven() {
        org.fa4j.core.TrainingConfig c = MnistTrial.config(0.2, 10, 20, 1e-6, 3, org.fa4j.core.LearningRateSchedule.linear(0));
        assertThat(c.learningRate()).isEqualTo(0.2);
        assertThat(c.weightDecay()).isEqualTo(1e-6);
        assertThat(c.batchScaling()).isEqualTo(org.fa4j.core.BatchScaling.MEAN);
        assertThat(c.schedule()).isEqualTo(org.fa4j.core.LearningRateSchedule.linear(0));
        assertThat(MnistTrial.config(0.2, 10, 20, 1e-6, 3).schedule()).isEqualTo(org.fa4j.core.LearningRateSchedule.constant());
        assertThat(new MnistSchedule("fast", 0.2f, 10, 20, org.fa4j.core.LearningRateSchedule.linear(0)).withEpochs(3).decay())
                .isEqualTo(org.fa4j.core.LearningRateSchedule.linear(0));
    }

    @Test
    void shallowLearningTrainsWithItsOwnPeakEtaAndHiddenScaleAndEveryRuleWithTheOutputScale() {
        MnistSchedule fast = new MnistSchedule("fast", 9f, 10, 20, MnistExperiment.FAST_DECAY);
        MnistChoice c = new MnistChoice(0.1, 0.03, 8, 1.2, 0.5, 0.4);
        assertThat(c.schedule(fast, MnistRule.SHALLOW)).isEqualTo(fast.withEta(0.4f));
        assertThat(c.init(MnistRule.SHALLOW)).isEqualTo(new MnistInit(0.5, 0.03, 8));
        for (MnistRule r : MnistRule.values()) {
            if (r != MnistRule.SHALLOW) {
                assertThat(c.schedule(fast, r)).as(r.id).isEqualTo(fast.withEta(1.2f));
                assertThat(c.init(r)).as(r.id).isEqualTo(new MnistInit(0.1, 0.03, 8));
            }
        }
        assertThat(c.with("beta", 2).with("shallowEta", 0.8)).isEqualTo(new MnistChoice(0.1, 0.03, 2, 1.2, 0.5, 0.8));
        assertThatThrownBy(() -> c.with("gamma", 1)).hasMessageContaining("no hyperparameter 'gamma'");
        assertThat(MnistChoice.DEFAULTS.eta()).isEqualTo(MnistExperiment.FAST_ETA);
        assertThat(MnistChoice.DEFAULTS.shallowEta()).isEqualTo(MnistExperiment.SHALLOW_FAST_ETA);
    }

    /** The output layer starts from its own scale; the hidden layer's draws do not change with it. */
    @Test
    void theOutputLayerStartsAtItsOwnScale() {
        Model shared = Model.create(MnistTrial.spec(30, 50, 0.3, MnistRule.BACKPROP), MnistRule.BACKPROP.create(0.3, 1), 4);
        Model own = Model.create(MnistTrial.spec(30, 50, new MnistInit(0.3, 0.01, 1), MnistRule.BACKPROP), MnistRule.BACKPROP.create(0.3, 1), 4);
        assertThat(own.weights(0).toArray()).isEqualTo(shared.weights(0).toArray());
        float[] w = own.weights(1).toArray();
        float[] ws = shared.weights(1).toArray();
        for (int i = 0; i < w.length; i++) {
            assertThat((double) w[i]).isCloseTo(ws[i] / 30.0, org.assertj.core.data.Offset.offset(1e-8));
        }
        assertThatThrownBy(() -> new MnistInit(0.3, 0, 1)).hasMessageContaining("output omega 0.0");
    }

    /**
     * A run whose output units sit saturated on every training image of the diagnostic is flagged, and the summary says how many runs and
     * which, and that the mean includes them; a healthy run adds nothing.
     */
    @Test
    void aStuckRunIsFlaggedInTheSummaryNotAveragedSilently() {
        org.fa4j.core.Saturation healthy = new org.fa4j.core.Saturation(MnistTrial.SATURATED, 1000, List.of(0.02, 0.0));
        org.fa4j.core.Saturation plateau = new org.fa4j.core.Saturation(MnistTrial.SATURATED, 1000, List.of(0.1, 0.9));
        MnistTrial ok = new MnistTrial(new double[] {0.9, 0.1}, new double[0], new double[0], new double[0], new double[0], null, null, healthy);
        MnistTrial stuck = new MnistTrial(new double[] {0.9, 0.8}, new double[0], new double[0], new double[0], new double[0], null, null, plateau);
        assertThat(ok.stuck()).isFalse();
        assertThat(stuck.stuck()).isTrue();
        // one dead output unit of ten loses its class: flagged too
        org.fa4j.core.Saturation oneClass = new org.fa4j.core.Saturation(MnistTrial.SATURATED, 1000, List.of(0.0, 0.1));
        assertThat(new MnistTrial(new double[] {0.9, 0.12}, new double[0], new double[0], new double[0], new double[0], null, null, oneClass)
                .stuck()).isTrue();
        assertThat(MnistExperiment.stuckNote(List.of(ok, ok))).isEmpty();
        assertThat(MnistExperiment.stuckNote(List.of(ok, stuck, ok))).isEqualTo("; 1 of 3 runs stuck (trial 2: an output "
                + "unit saturated, f' < 0.001 on each of the first 1000 training images), included in the mean");
    }

    /** A trained run reports its saturation, measured on the first 1000 training images. */
    @Test
    void aTrialMeasuresItsSaturationAfterTraining() {
        Dataset train = new Dataset(random(200, 30, 3), oneHot(200, 4), null);
        Dataset eval = new Dataset(random(50, 30, 4), oneHot(50, 5), null);
        MnistTrial t = MnistTrial.run(train, eval, MnistRule.BACKPROP, new MnistSchedule("fast", 0.5f, 10, 1,
                org.fa4j.core.LearningRateSchedule.constant()), MnistInit.shared(0.1, 0.5), 1, 0, 8, false, null);
        assertThat(t.saturation().examples()).isEqualTo(200);
        assertThat(t.saturation().share()).hasSize(2);
    }

    /** FA's top layer turns towards Bᵀ during a run: W∡Bᵀ is recorded at each angle point and falls from ~90°. */
    @Test
    void aFaTrialRecordsTheTopLayersWeightAngleAtEveryAnglePoint() {
        Dataset train = new Dataset(random(400, 30, 6), oneHot(400, 7), null);
        Dataset eval = new Dataset(random(50, 30, 8), oneHot(50, 9), null);
        MnistSchedule s = new MnistSchedule("fast", 2f, 10, 40, org.fa4j.core.LearningRateSchedule.constant());
        MnistTrial fa = MnistTrial.run(train, eval, MnistRule.FEEDBACK_ALIGNMENT, s, MnistInit.shared(0.1, 0.5), 1, 0, 20, false, null);
        assertThat(fa.angleWeights()).hasSameSizeAs(fa.angleExamples()).hasSizeGreaterThan(2);
        assertThat(fa.angleWeights()[0]).isGreaterThan(70);
        assertThat(fa.angleWeights()[fa.angleWeights().length - 1]).isLessThan(fa.angleWeights()[0] - 10);
        MnistTrial bp = MnistTrial.run(train, eval, MnistRule.BACKPROP, s, MnistInit.shared(0.1, 0.5), 1, 0, 20, false, null);
        assertThat(bp.angleWeights()).isEmpty();
    }
}
