package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearNet64Test {

    /** A LinearNet64 and a linear, bias-free Net64 with the same random W0, W and B. */
    private static Object[] pair(long seed) {
        LinearNet64 a = new LinearNet64(5, 4, 3);
        Net64 b = new Net64(new int[] {5, 4, 3}, Net64.Activation.LINEAR, false);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < a.w0.length; i++) {
            a.w0[i] = b.w[0][i] = r.nextGaussian();
        }
        for (int i = 0; i < a.w.length; i++) {
            a.w[i] = b.w[1][i] = r.nextGaussian();
        }
        for (int i = 0; i < a.b.length; i++) {
            a.b[i] = b.fb[1][i] = r.nextGaussian();
        }
        return new Object[] {a, b};
    }

    @Test
    void everyRuleStepsLikeTheGeneralFloat64Network() {
        double[] x = {0.4, -1.2, 0.3, 2.0, -0.7};
        double[] t = {1, -0.5, 0.25};
        for (LinearNet64.Rule rule : LinearNet64.Rule.values()) {
            Object[] p = pair(3);
            LinearNet64 a = (LinearNet64) p[0];
            Net64 b = (Net64) p[1];
            a.forward(x);
            b.forward(x);
            assertThat(a.error(t)).isCloseTo(b.error(t), within(1e-12));
            a.update(rule, 0.01, 0.1, new SplittableRandom(5), t);
            b.update(Net64.Rule.valueOf(rule.name()), 0.01, 0.1, new SplittableRandom(5), t);
            assertThat(a.w0).as(rule.name()).containsExactly(b.w[0], within(1e-13));
            assertThat(a.w).as(rule.name()).containsExactly(b.w[1], within(1e-13));
        }
    }

    @Test
    void hiddenSignalsAreWTransposeEAndBE() {
        Object[] p = pair(8);
        LinearNet64 a = (LinearNet64) p[0];
        a.forward(new double[] {1, 0, 0, 0, 0});
        a.error(new double[] {1, 2, 3});
        double[] bp = a.hiddenSignalBackprop();
        double[] fa = a.hiddenSignalFeedback();
        for (int j = 0; j < 4; j++) {
            double sBp = 0;
            double sFa = 0;
            for (int k = 0; k < 3; k++) {
                sBp += a.w[k * 4 + j] * a.e[k];
                sFa += a.b[j * 3 + k] * a.e[k];
            }
            assertThat(bp[j]).isCloseTo(sBp, within(1e-12));
            assertThat(fa[j]).isCloseTo(sFa, within(1e-12));
        }
    }

    @Test
    void initialWeightsAndBAreExactlyThoseFaCoreDraws() {
        LinearNet64 n = LinearRun.initialNet(0.01, 0.5, 77);
        var m = org.fa4j.core.Model.create(LinearRun.spec(0.01), org.fa4j.core.rule.FeedbackAlignment.uniform(0.5), 77);
        assertThat(n.w0[3 * 30 + 7]).isEqualTo((double) m.weights(0).get(3, 7));
        assertThat(n.w[9 * 20 + 19]).isEqualTo((double) m.weights(1).get(9, 19));
        assertThat(n.b[19 * 10 + 2]).isEqualTo((double) m.feedback(1).orElseThrow().get(19, 2));
        double max = 0;
        for (double v : n.w0) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).isLessThanOrEqualTo(0.01).isGreaterThan(0.005);
    }
}
