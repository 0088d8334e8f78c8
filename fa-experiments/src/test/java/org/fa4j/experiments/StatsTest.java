package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
