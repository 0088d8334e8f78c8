package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers: NumPy's default quantile and a t-interval computed by hand. */
class StatsTest {
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
}
