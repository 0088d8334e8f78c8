package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class Net64Test {

    private static Net64 net(int[] sizes, long seed) {
        Net64 n = new Net64(sizes, Net64.Activation.TANH, true);
        n.initForward(new SplittableRandom(seed), 0.8);
        n.initFeedback(new SplittableRandom(seed + 1), 0.5);
        return n;
    }

    private static double loss(Net64 n, double[] x, double[] t) {
        n.forward(x);
        return n.error(t);
    }

    /** ∂loss/∂p[i] by the central difference with step h; p[i] is restored. */
    private static double centralDifference(double[] p, int i, double h, DoubleSupplier loss) {
        double keep = p[i];
        p[i] = keep + h;
        double up = loss.getAsDouble();
        p[i] = keep - h;
        double down = loss.getAsDouble();
        p[i] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void backpropStepIsMinusEtaTimesTheFiniteDifferenceGradient() {
        int[] sizes = {4, 5, 3, 2};
        SplittableRandom r = new SplittableRandom(7);
        double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double[] t = {0.3, -0.7};
        double eta = 1e-3;
        Net64 probe = net(sizes, 3);
        Net64 trained = net(sizes, 3);
        trained.forward(x);
        trained.error(t);
        trained.update(Net64.Rule.BACKPROP, eta, 0, null, t);
        double h = 1e-6;
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < probe.w[l].length; i++) {
                double grad = centralDifference(probe.w[l], i, h, () -> loss(probe, x, t));
                assertThat((trained.w[l][i] - probe.w[l][i]) / eta).as("layer %d weight %d", l, i).isCloseTo(-grad, within(1e-6));
            }
            for (int i = 0; i < probe.b[l].length; i++) {
                double grad = centralDifference(probe.b[l], i, h, () -> loss(probe, x, t));
                assertThat((trained.b[l][i] - probe.b[l][i]) / eta).as("layer %d bias %d", l, i).isCloseTo(-grad, within(1e-6));
            }
        }
    }

    @Test
    void feedbackAlignmentWithBEqualToWTransposeIsBackprop() {
        int[] sizes = {4, 5, 3, 2};
        Net64 bp = net(sizes, 11);
        Net64 fa = net(sizes, 11);
        for (int l = 1; l < 3; l++) { // B_l := W_lᵀ
            for (int i = 0; i < sizes[l + 1]; i++) {
                for (int j = 0; j < sizes[l]; j++) {
                    fa.fb[l][j * sizes[l + 1] + i] = fa.w[l][i * sizes[l] + j];
                }
            }
        }
        double[] x = {0.5, -1, 0.25, 2};
        double[] t = {1, -1};
        for (Net64 n : new Net64[] {bp, fa}) {
            n.forward(x);
            n.error(t);
        }
        bp.update(Net64.Rule.BACKPROP, 0.01, 0, null, t);
        fa.update(Net64.Rule.FEEDBACK_ALIGNMENT, 0.01, 0, null, t);
        for (int l = 0; l < 3; l++) {
            assertThat(fa.w[l]).containsExactly(bp.w[l], within(1e-15));
        }
    }

    @Test
    void shallowLearningLeavesTheHiddenWeightsUntouched() {
        Net64 n = net(new int[] {3, 4, 2}, 5);
        double[] w0 = n.w[0].clone();
        double[] w1 = n.w[1].clone();
        n.forward(new double[] {1, 2, 3});
        n.error(new double[] {1, 0});
        n.update(Net64.Rule.SHALLOW, 0.1, 0, null, new double[] {1, 0});
        assertThat(n.w[0]).containsExactly(w0);
        assertThat(n.w[1]).isNotEqualTo(w1);
    }

    @Test
    void nodePerturbationFollowsTheGradientOnAverage() {
        // E[−(L̃ − L)/σ² ξ] = −∂L/∂h for small σ: average many perturbations and compare with BP's hidden step.
        Net64 n = new Net64(new int[] {3, 4, 2}, Net64.Activation.LINEAR, false);
        n.initForward(new SplittableRandom(2), 0.7);
        double[] x = {0.3, -0.2, 0.9};
        double[] t = {1, -0.5};
        double[] w0 = n.w[0].clone();
        SplittableRandom noise = new SplittableRandom(9);
        int reps = 40_000;
        double[] sum = new double[w0.length];
        for (int k = 0; k < reps; k++) {
            System.arraycopy(w0, 0, n.w[0], 0, w0.length);
            double[] w1 = n.w[1].clone();
            n.forward(x);
            n.error(t);
            n.update(Net64.Rule.NODE_PERTURBATION, 1, 1e-3, noise, t);
            System.arraycopy(w1, 0, n.w[1], 0, w1.length);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += n.w[0][i] - w0[i];
            }
        }
        System.arraycopy(w0, 0, n.w[0], 0, w0.length);
        Net64 bp = new Net64(new int[] {3, 4, 2}, Net64.Activation.LINEAR, false);
        System.arraycopy(n.w[0], 0, bp.w[0], 0, w0.length);
        System.arraycopy(n.w[1], 0, bp.w[1], 0, n.w[1].length);
        bp.forward(x);
        bp.error(t);
        bp.update(Net64.Rule.BACKPROP, 1, 0, null, t);
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i] / reps).as("weight %d", i).isCloseTo(bp.w[0][i] - w0[i], within(0.05));
        }
    }
}
