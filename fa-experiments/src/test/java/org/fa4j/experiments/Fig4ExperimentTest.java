package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Fig4ExperimentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Double> row(double omega) {
        Map<String, Object> by = (Map<String, Object>) QuickRuns.run(new Fig4Experiment()).summary().get("byOmega");
        return (Map<String, Double>) by.get("omega=" + omega);
    }

    @Test
    void smallInitialWeightsMakeFaCloserToPseudobackpropThanToBackprop() {
        for (double omega : new double[] {0.0001, 0.001, 0.01}) {
            Map<String, Double> r = row(omega);
            assertThat(r.get("anglePbpLast10pct")).as("ω = %s", omega).isLessThan(r.get("angleBpLast10pct"));
        }
    }

    @Test
    void theAngleToPseudobackpropGrowsWithTheInitialScale() {
        assertThat(row(0.0001).get("anglePbpLast10pct")).isLessThan(row(0.25).get("anglePbpLast10pct"));
    }

    @Test
    void everyOmegaLearns() {
        for (double omega : Fig4Experiment.OMEGAS) {
            assertThat(row(omega).get("finalNse")).as("ω = %s", omega).isLessThan(0.01);
        }
    }
}
