package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tick positions and labels against known answers: round 1-2-5 steps, decades, readable labels. */
class AxisTicksTest {

    @Test
    void aLinearRangeOf23000StepsBy5000() {
        AxisTicks t = AxisTicks.linear(0, 23_000, 6);
        assertThat(t.major()).containsExactly(0.0, 5000.0, 10_000.0, 15_000.0, 20_000.0);
        assertThat(t.labels()).containsExactly("0", "5000", "10 000", "15 000", "20 000");
        assertThat(t.minor()).contains(1000.0, 4000.0, 21_000.0).doesNotContain(5000.0).hasSize(23 - 4);
    }

    @Test
    void moreRoomGivesTheNextSmaller125Step() {
        assertThat(AxisTicks.linear(0, 23_000, 12).major()).containsExactly(0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10_000.0, 12_000.0,
                14_000.0, 16_000.0, 18_000.0, 20_000.0, 22_000.0);
        assertThat(AxisTicks.linear(0, 4000, 6).major()).containsExactly(0.0, 1000.0, 2000.0, 3000.0, 4000.0);
    }

    @Test
    void aRangeThatDoesNotStartOnATickStartsAtTheFirstMultipleInside() {
        AxisTicks t = AxisTicks.linear(10, 3990, 6);
        assertThat(t.major()).containsExactly(1000.0, 2000.0, 3000.0);
        assertThat(t.minor()).first().isEqualTo(200.0);
    }

    @Test
    void fractionalAndNegativeStepsAreLabelledWithTheDigitsTheStepNeeds() {
        AxisTicks t = AxisTicks.linear(-2, 2, 9);
        assertThat(t.major()).containsExactly(-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0);
        assertThat(t.labels()).containsExactly("-2.0", "-1.5", "-1.0", "-0.5", "0", "0.5", "1.0", "1.5", "2.0");
        assertThat(AxisTicks.linear(0, 0.3, 4).labels()).containsExactly("0", "0.1", "0.2", "0.3");
    }

    @Test
    void anAxisOfEpochsStepsByWholeEpochs() {
        AxisTicks t = AxisTicks.linear(0, 3, 10, 1);
        assertThat(t.major()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(t.labels()).containsExactly("0", "1", "2", "3");
        assertThat(t.minor()).isEmpty();
        assertThat(AxisTicks.linear(0, 20, 6, 1).major()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0);
    }

    @Test
    void anglesFrom0To90StepBy10Or20() {
        assertThat(AxisTicks.linear(0, 90, 10).major()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0);
        assertThat(AxisTicks.linear(0, 90, 6).major()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0);
    }

    @Test
    void aLogRangeFrom1e31To1WithRoomForEveryDecadeLabelsEveryDecade() {
        AxisTicks t = AxisTicks.log(1e-31, 1, 40);
        assertThat(t.major()).containsExactlyElementsOf(IntStream.rangeClosed(-31, 0).mapToObj(k -> Double.parseDouble("1e" + k)).toList());
        assertThat(t.labels()).startsWith("1e-31", "1e-30").endsWith("0.001", "0.01", "0.1", "1");
    }

    @Test
    void aLongLogRangeLabelsEveryFifthDecadeAndMarksTheOthers() {
        AxisTicks t = AxisTicks.log(1e-31, 1, 8);
        assertThat(t.major()).containsExactly(1e-30, 1e-25, 1e-20, 1e-15, 1e-10, 1e-5, 1.0);
        assertThat(t.labels()).containsExactly("1e-30", "1e-25", "1e-20", "1e-15", "1e-10", "1e-5", "1");
        assertThat(t.minor()).hasSize(32 - 7).contains(1e-31, 1e-29, 1e-6, 0.1);
    }

    @Test
    void aFewDecadesCarryTheirIntegerMultiplesAsMinorTicks() {
        AxisTicks t = AxisTicks.log(1e-6, 1, 10);
        assertThat(t.labels()).containsExactly("1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1");
        assertThat(t.minor()).contains(2e-6, 5e-6, 9e-1).hasSize(6 * 8);
    }

    @Test
    void lessThanThreeDecadesAreLabelledAt1And2And5() {
        AxisTicks t = AxisTicks.log(5, 100, 10);
        assertThat(t.major()).containsExactly(5.0, 10.0, 20.0, 50.0, 100.0);
        assertThat(t.labels()).containsExactly("5", "10", "20", "50", "100");
        assertThat(t.minor()).containsExactly(6.0, 7.0, 8.0, 9.0, 30.0, 40.0, 60.0, 70.0, 80.0, 90.0);
    }

    @Test
    void logLabelsArePlainNearOneAndExponentialElsewhere() {
        assertThat(List.of(AxisTicks.logLabel(1, -6), AxisTicks.logLabel(5, -12), AxisTicks.logLabel(1, -3), AxisTicks.logLabel(2, 1),
                AxisTicks.logLabel(1, 5))).containsExactly("1e-6", "5e-12", "0.001", "20", "1e5");
    }

    @Test
    void niceStepsAre1Or2Or5TimesAPowerOfTen() {
        assertThat(AxisTicks.niceStep(23_000, 6)).isEqualTo(5000.0);
        assertThat(AxisTicks.niceStep(31, 8)).isEqualTo(5.0);
        assertThat(AxisTicks.niceStep(0.9, 10)).isEqualTo(0.1);
        assertThat(AxisTicks.niceStep(200_000, 6)).isEqualTo(50_000.0);
    }

    @Test
    void aReversedOrNonFiniteRangeOrANonPositiveLogRangeIsRejected() {
        assertThatThrownBy(() -> AxisTicks.linear(2, 1, 5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2.0, 1.0]");
        assertThatThrownBy(() -> AxisTicks.linear(0, Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AxisTicks.log(0, 1, 5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min > 0");
    }
}
