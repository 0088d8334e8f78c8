package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConservationLawCheckTest {
    @Test
    void cIsConstantAlongTheOdeAndDriftsLinearlyInEta() {
        CheckReport r = ConservationLawCheck.run(ConservationLawCheck.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("continuousRelativeDrift")).isLessThan(1e-9);
        assertThat((double) r.measured().get("slopeExpectedUpdates")).isBetween(0.9, 1.1);
        assertThat((double) r.measured().get("normC0")).isGreaterThan(0.1);
        // The span is the whole training: by its end the error has fallen by 18 orders of magnitude, so the drift is
        // measured over all of learning, not over its first stretch.
        assertThat((double) r.measured().get("nseAtEndOfSpan")).isLessThan(1e-15);
        assertThat((List<?>) r.measured().get("etas")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void perExampleDriftIsAboutNiPlusTwoTimesTheExpectedDrift() {
        CheckReport r = ConservationLawCheck.run(ConservationLawCheck.Params.defaults());
        // One per-example step changes C by −η²‖x‖² B e eᵀ Bᵀ and E[‖x‖² x xᵀ] = (n_i + 2) I.
        assertThat((double) r.measured().get("perExampleOverExpectedDriftAtSmallestEta")).isBetween(26.0, 38.0);
    }

    @Test
    void rejectsASingleLearningRate() {
        assertThatThrownBy(() -> new ConservationLawCheck.Params(3, 2, 1, 0.1, 1, List.of(1e-3), 1, 1e-12, 1e-12,
                1e-9, 0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0.001]");
    }

    /**
     * Negative case: eq. (14) holds for the feedback matrix that trains A, and only for it. The same runs measured with
     * C built from an independent random B′ (same shape and distribution as B) must fail: C′ moves at O(1) along the
     * ODE, and its discrete drift no longer shrinks in proportion to η.
     */
    @Test
    void cBuiltFromAnotherRandomFeedbackMatrixIsNotConservedSoTheCheckFails() {
        CheckReport r = ConservationLawCheck.run(ConservationLawCheck.Params.defaults(),
                b -> Mat64.uniform(b.numRows, b.numCols, -0.5, 0.5, new SplittableRandom(99)));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("continuousRelativeDrift")).isGreaterThan(1e-2);
        assertThat(Math.abs((double) r.measured().get("slopeExpectedUpdates") - 1)).isGreaterThan(0.5);
        assertThat(r.finding()).contains("continuousRelativeDrift", "slopeExpectedUpdates");
    }
}
