package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers: windows and moments by hand, NumPy's default quantile and a t-interval computed by hand. */
class StatsTest {
    @Test
    void slidingWindowGivesTheMeanAndSampleSdOfEachWindow() {
        double[] v = {1, 2, 3, 4, 5, 6};
        double[][] w = Stats.slidingWindow(v, 3, 2);
        assertThat(w[0]).containsExactly(2, 4);
        assertThat(w[1]).containsExactly(1, 1);
        assertThat(w[2]).containsExactly(3, 5);
    }

    @Test
    void meanAndSdSkipNaN() {
        double[] v = {1, Double.NaN, 3};
        assertThat(Stats.mean(v)).isEqualTo(2);
        assertThat(Stats.sd(v)).isCloseTo(Math.sqrt(2), within(1e-15));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAsNumPyDoes() {
        double[] v = {7, 1, 3, Double.NaN, 5};
        assertThat(Stats.quantile(v, 0.5)).isEqualTo(4.0); // numpy.quantile([1, 3, 5, 7], 0.5) = 4.0
        assertThat(Stats.quantile(v, 0.25)).isEqualTo(2.5); // = 2.5
        assertThat(Stats.quantile(v, 0.75)).isEqualTo(5.5); // = 5.5
        assertThat(Stats.quantile(new double[] {Double.NaN}, 0.5)).isNaN();
        assertThat(Stats.quantileRows(new double[][] {{1, 10}, {3, 30}, {2, 20}}, 0.5)).containsExactly(2, 20);
    }

    /** d = 1, 2, 3, 4, 5: mean 3, sd √2.5, t(0.975; 4) = 2.776445: 3 ± 1.963243. */
    @Test
    void thePairedIntervalIsStudentsT() {
        double[] ci = Stats.pairedCi95(new double[] {1, 2, Double.NaN, 3, 4, 5});
        assertThat(ci[0]).isEqualTo(3.0);
        assertThat(ci[1]).isCloseTo(3 - 1.963243, within(1e-5));
        assertThat(ci[2]).isCloseTo(3 + 1.963243, within(1e-5));
        assertThat(ci[3]).isEqualTo(5);
        assertThat(Stats.pairedCi95(new double[] {2})[1]).isNaN();
    }

    /** d = −1, −2, −3 (points): mean −2, sd 1, t(0.975; 2) = 4.302653: −2 ± 2.484138; lower in 3 of 3, and 1 of 2 when one ties. */
    @Test
    void thePairedLineGivesTheMeanTheIntervalAndTheCountOfLowerPairs() {
        assertThat(Stats.pairedLine(new double[] {-1, -2, -3}, "fa", "BP"))
                .isEqualTo("-2.00 points, 95% CI [-4.48, +0.48], n = 3 pairs; fa lower than BP in 3 of 3");
        assertThat(Stats.pairedLine(new double[] {-1, 0}, "fa", "BP")).endsWith("fa lower than BP in 1 of 2");
    }
}
