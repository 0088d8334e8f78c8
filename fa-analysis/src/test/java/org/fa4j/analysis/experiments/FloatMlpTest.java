package org.fa4j.analysis.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class FloatMlpTest {
    private static final Linalg LA = Linalg.defaults().withThreads(1);

    private static Matrix random(int r, int c, SplittableRandom rnd) {
        Matrix m = Matrix.zeros(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m.set(i, j, (float) rnd.nextGaussian());
            }
        }
        return m;
    }

    @Test
    void backpropBatchStepMatchesTheFloat64ReferenceAveragedOverTheBatch() {
        int[] sizes = {6, 5, 3};
        FloatMlp f = new FloatMlp(sizes, FloatMlp.Act.TANH, FloatMlp.Act.LINEAR, MlpRule.BACKPROP, LA);
        f.init(new SplittableRandom(1), new SplittableRandom(2), 0.5, 0.5, 0);
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 4;
        Matrix x = random(m, 6, rnd);
        Matrix y = random(m, 3, rnd);
        // Reference: sum of per-example float64 BP steps from the same weights, divided by m (a step of η/m each).
        double eta = 0.05;
        double[][] dw = new double[2][];
        double[][] db = new double[2][];
        for (int k = 0; k < m; k++) {
            Net64 n = new Net64(sizes, Net64.Activation.TANH, true);
            for (int l = 0; l < 2; l++) {
                for (int i = 0; i < n.w[l].length; i++) {
                    n.w[l][i] = f.w[l].array()[i];
                }
            }
            double[] xi = new double[6];
            double[] yi = new double[3];
            for (int j = 0; j < 6; j++) {
                xi[j] = x.get(k, j);
            }
            for (int j = 0; j < 3; j++) {
                yi[j] = y.get(k, j);
            }
            double[][] before = {n.w[0].clone(), n.w[1].clone()};
            n.forward(xi);
            n.error(yi);
            n.update(Net64.Rule.BACKPROP, eta / m, 0, null, yi);
            for (int l = 0; l < 2; l++) {
                if (dw[l] == null) {
                    dw[l] = new double[n.w[l].length];
                    db[l] = new double[n.b[l].length];
                }
                for (int i = 0; i < dw[l].length; i++) {
                    dw[l][i] += n.w[l][i] - before[l][i];
                }
                for (int i = 0; i < db[l].length; i++) {
                    db[l][i] += n.b[l][i];
                }
            }
        }
        float[][] w0 = {f.w[0].toArray(), f.w[1].toArray()};
        f.step(x, y, (float) eta, 0f, 0f);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < dw[l].length; i++) {
                assertThat((double) f.w[l].array()[i] - w0[l][i]).as("layer %d weight %d", l, i).isCloseTo(dw[l][i], within(2e-6));
            }
            for (int i = 0; i < db[l].length; i++) {
                assertThat((double) f.bias[l].array()[i]).as("layer %d bias %d", l, i).isCloseTo(db[l][i], within(2e-6));
            }
        }
    }

    @Test
    void feedbackAlignmentWithBEqualToWIsBackpropAndDfaEqualsFaWithOneHiddenLayer() {
        int[] sizes = {8, 6, 4};
        FloatMlp bp = new FloatMlp(sizes, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.BACKPROP, LA);
        FloatMlp fa = new FloatMlp(sizes, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.FEEDBACK_ALIGNMENT, LA);
        FloatMlp dfa = new FloatMlp(sizes, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.DIRECT_FA, LA);
        for (FloatMlp n : new FloatMlp[] {bp, fa, dfa}) {
            n.init(new SplittableRandom(5), new SplittableRandom(6), 0.3, 0.3, 0);
        }
        fa.fb[1].copyFrom(fa.w[1]); // δ_h = δ_y B with B shaped like W: B = W is backprop
        SplittableRandom rnd = new SplittableRandom(7);
        Matrix x = random(3, 8, rnd);
        Matrix y = random(3, 4, rnd);
        bp.step(x, y, 0.1f, 1e-3f, 0f);
        fa.step(x, y, 0.1f, 1e-3f, 0f);
        assertThat(fa.w[0].toArray()).containsExactly(bp.w[0].toArray());
        FloatMlp fa2 = new FloatMlp(sizes, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.FEEDBACK_ALIGNMENT, LA);
        fa2.init(new SplittableRandom(5), new SplittableRandom(6), 0.3, 0.3, 0);
        dfa.fb[1].copyFrom(fa2.fb[1]);
        fa2.step(x, y, 0.1f, 0f, 0f);
        dfa.step(x, y, 0.1f, 0f, 0f);
        assertThat(dfa.w[0].toArray()).containsExactly(fa2.w[0].toArray());
    }

    @Test
    void sparseFaKeepsTheRemovedWeightsAtZero() {
        FloatMlp n = new FloatMlp(new int[] {10, 40, 5}, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.SPARSE_FA, LA);
        n.init(new SplittableRandom(1), new SplittableRandom(2), 0.2, 0.2, 0.5);
        int zerosB = 0;
        for (float v : n.fb[1].array()) {
            zerosB += v == 0f ? 1 : 0;
        }
        assertThat(zerosB).isBetween(60, 140); // ~50% of 200
        SplittableRandom rnd = new SplittableRandom(3);
        for (int s = 0; s < 5; s++) {
            n.step(random(4, 10, rnd), random(4, 5, rnd), 0.5f, 0f, 0f);
        }
        float[] w = n.w[1].array();
        float[] mask = n.mask[1].array();
        for (int i = 0; i < w.length; i++) {
            if (mask[i] == 0f) {
                assertThat(w[i]).isZero();
            }
        }
    }

    @Test
    void kolenPollackPullsTheFeedbackMatrixTowardsTheForwardWeights() {
        FloatMlp n = new FloatMlp(new int[] {10, 20, 5}, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LINEAR, MlpRule.KOLEN_POLLACK, LA);
        n.init(new SplittableRandom(1), new SplittableRandom(2), 0.3, 0.3, 0);
        double before = distance(n.w[1], n.fb[1]);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int s = 0; s < 200; s++) {
            n.step(random(4, 10, rnd), random(4, 5, rnd), 0.5f, 0f, 0.5f);
        }
        assertThat(distance(n.w[1], n.fb[1])).isLessThan(before * 0.3);
    }

    private static double distance(Matrix a, Matrix b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.array()[i] - b.array()[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void errorRateCountsArgmaxMistakes() {
        FloatMlp n = new FloatMlp(new int[] {4, 3, 10}, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LINEAR, MlpRule.BACKPROP, LA);
        // Zero weights, output bias favouring class 3: every image is predicted as 3.
        n.bias[1].set(0, 3, 1f);
        ImageSet data = new ImageSet(new float[4 * 4], new int[] {3, 3, 1, 0}, 2, 2);
        assertThat(n.errorRate(data)).isEqualTo(0.5);
    }
}
