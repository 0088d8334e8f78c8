package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantReturnsEtaItselfAtEveryStep() {
        LearningRateSchedule c = LearningRateSchedule.constant();
        for (long t : new long[] {0, 1, 999, 5000, 1_000_000}) {
            assertThat(c.rate(0.37, t, 1000)).isEqualTo(0.37);
        }
    }

    @Test
    void linearToZeroFallsByEqualStepsFromEtaToZero() {
        LearningRateSchedule s = LearningRateSchedule.linear(0);
        assertThat(s.rate(0.4, 0, 1000)).isEqualTo(0.4);
        assertThat(s.rate(0.4, 250, 1000)).isCloseTo(0.3, within(1e-15));   // 0.4 · (1 − 1/4)
        assertThat(s.rate(0.4, 500, 1000)).isCloseTo(0.2, within(1e-15));
        assertThat(s.rate(0.4, 999, 1000)).isCloseTo(0.4e-3, within(1e-15)); // the last update of the run
        assertThat(s.rate(0.4, 1000, 1000)).isEqualTo(0.0);
    }

    @Test
    void linearWithAFinalFractionEndsAtThatFractionOfEta() {
        LearningRateSchedule s = LearningRateSchedule.linear(0.1);
        assertThat(s.rate(2.0, 250, 1000)).isCloseTo(2.0 * (1 - 0.9 * 0.25), within(1e-15));
        assertThat(s.rate(2.0, 1000, 1000)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void cosineFollowsHalfACosineWave() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0);
        assertThat(s.rate(1.0, 0, 800)).isEqualTo(1.0);
        assertThat(s.rate(1.0, 200, 800)).isCloseTo((1 + Math.sqrt(0.5)) / 2, within(1e-15)); // cos(π/4)
        assertThat(s.rate(1.0, 400, 800)).isCloseTo(0.5, within(1e-15));
        assertThat(s.rate(1.0, 800, 800)).isCloseTo(0.0, within(1e-15));
        LearningRateSchedule f = LearningRateSchedule.cosine(0.2);
        assertThat(f.rate(1.0, 400, 800)).isCloseTo(0.2 + 0.8 * 0.5, within(1e-15));
        assertThat(f.rate(1.0, 800, 800)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void triangleRampsUpOverTheWarmupThenFallsLinearlyToZero() {
        LearningRateSchedule s = LearningRateSchedule.triangle(0.1);
        assertThat(s.rate(0.4, 0, 1000)).isEqualTo(0.0);
        assertThat(s.rate(0.4, 50, 1000)).isCloseTo(0.2, within(1e-15));   // half the warm-up
        assertThat(s.rate(0.4, 100, 1000)).isCloseTo(0.4, within(1e-15));  // the peak
        assertThat(s.rate(0.4, 550, 1000)).isCloseTo(0.2, within(1e-15));  // halfway down: (1 − 0.55) / 0.9 = 1/2
        assertThat(s.rate(0.4, 1000, 1000)).isCloseTo(0.0, within(1e-15));
        assertThat(LearningRateSchedule.named("triangle:0.05")).isEqualTo(LearningRateSchedule.triangle(0.05));
        assertThatThrownBy(() -> LearningRateSchedule.named("triangle")).hasMessageContaining("'triangle'").hasMessageContaining("warm-up");
        assertThatThrownBy(() -> LearningRateSchedule.triangle(0)).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> LearningRateSchedule.triangle(1)).hasMessageContaining("got 1.0");
    }

    @Test
    void stepsPastTheHorizonKeepTheFinalRate() {
        assertThat(LearningRateSchedule.linear(0.25).rate(1.0, 5000, 100)).isCloseTo(0.25, within(1e-15));
        assertThat(LearningRateSchedule.cosine(0.25).rate(1.0, 5000, 100)).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void namesRoundTrip() {
        for (LearningRateSchedule s : List.of(LearningRateSchedule.constant(), LearningRateSchedule.linear(0), LearningRateSchedule.linear(0.1),
                LearningRateSchedule.cosine(0), LearningRateSchedule.cosine(0.05), LearningRateSchedule.triangle(0.05))) {
            assertThat(LearningRateSchedule.named(s.id())).isEqualTo(s);
        }
        assertThat(LearningRateSchedule.named("linear")).isEqualTo(LearningRateSchedule.linear(0));
        assertThat(LearningRateSchedule.named("cosine:0.5")).isEqualTo(LearningRateSchedule.cosine(0.5));
    }

    @Test
    void badNamesAndFractionsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> LearningRateSchedule.named("exponential")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exponential'").hasMessageContaining("expected constant, linear, cosine");
        assertThatThrownBy(() -> LearningRateSchedule.named("linear:x")).hasMessageContaining("'linear:x'");
        assertThatThrownBy(() -> LearningRateSchedule.named("cosine:1.5")).hasMessageContaining("1.5").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> LearningRateSchedule.named("constant:0.1")).hasMessageContaining("'constant:0.1'");
        assertThatThrownBy(() -> LearningRateSchedule.named(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> LearningRateSchedule.linear(-0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> LearningRateSchedule.linear(0).rate(1, -1, 10)).hasMessageContaining("step -1");
        assertThatThrownBy(() -> LearningRateSchedule.linear(0).rate(1, 0, 0)).hasMessageContaining("of 0");
    }

    @Test
    void trainingConfigRejectsANullScheduleAndKeepsItThroughTheBuilder() {
        assertThatThrownBy(() -> new TrainingConfig(0.1, 0, 1, 1, 1, true, null, BatchScaling.SUM)).hasMessageContaining("schedule");
        TrainingConfig c = TrainingConfig.newBuilder().schedule(LearningRateSchedule.cosine(0.1)).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(new TrainingConfig(0.1, 0, 1, 1, 1, true).schedule()).isEqualTo(LearningRateSchedule.constant());
    }
}
