package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class Theorem1CheckTest {
    @Test
    void errorVanishesFromZeroWeightsWhenBPlusBIsTheIdentity() {
        CheckReport r = Theorem1Check.run(Theorem1Check.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat(r.role()).isEqualTo(Role.CLAIM);
        assertThat((double) r.measured().get("finalRelativeError")).isLessThan(1e-6);
        assertThat((int) r.measured().get("countVdotPositive")).isZero();
        assertThat((double) r.measured().get("maxS")).isLessThanOrEqualTo((double) r.measured().get(
                "lemma3BoundCorrected"));
    }

    @Test
    void withMoreOutputsThanHiddenUnitsTheErrorStallsInTheNullSpaceOfB() {
        CheckReport r = Theorem1Check.runWideOutputCounterCase(Theorem1Check.Params.wideOutputDefaults());
        assertThat(r.role()).isEqualTo(Role.COUNTER_CASE);
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("finalRelativeError")).isGreaterThan(0.1)
                .isGreaterThanOrEqualTo((double) r.measured().get("eckartYoungRelativeFloor") * (1 - 1e-9));
        assertThat((double) r.measured().get("fractionOfErrorInNullSpaceOfB")).isGreaterThan(0.99);
        assertThat(r.predictedFailure()).isNotEmpty();
    }

    @Test
    void theClaimRefusesShapesThatViolateItsHypothesis() {
        assertThatThrownBy(() -> Theorem1Check.run(Theorem1Check.Params.wideOutputDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_o = 10");
        assertThatThrownBy(() -> Theorem1Check.runWideOutputCounterCase(Theorem1Check.Params.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_o > n_h");
    }

    /**
     * Negative case for hypothesis (21) within the claim's own shapes (n_o = 10 ≤ n_h = 20): a B whose second column
     * repeats its first has rank 9, so B⁺B ≠ I; A stays in the range of B, rank W A ≤ 9 &lt; rank T, and E cannot
     * vanish. The claim must report FAIL.
     */
    @Test
    void aRankDeficientFeedbackMatrixBreaksBPlusBEqualsIAndTheClaimFails() {
        CheckReport r = Theorem1Check.run(Theorem1Check.Params.defaults(), b -> {
            for (int i = 0; i < b.numRows; i++) {
                b.set(i, 1, b.get(i, 0));
            }
            return b;
        });
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("normBplusBMinusI")).isGreaterThan(0.5);
        // Eckart–Young: ‖T − W A‖ ≥ σ₁₀(T) when rank W A ≤ 9 (T drawn as Theorem1Check draws it from the seed).
        DMatrixRMaj t = Mat64.uniform(10, 30, -1, 1, new SplittableRandom(Theorem1Check.Params.defaults().seed()).split());
        double floor = Mat64.singularValues(t)[9] / Mat64.normF(t);
        assertThat(floor).isGreaterThan(1e-2);
        assertThat((double) r.measured().get("finalRelativeError")).isGreaterThanOrEqualTo(floor * (1 - 1e-9));
        assertThat(r.finding()).contains("normBplusBMinusI", "finalRelativeError");
    }

    @Test
    void aSpanTooShortToConvergeFailsWithAFindingThatStatesTheThresholdAndTheHorizon() {
        CheckReport r = Theorem1Check.run(Theorem1Check.Params.newBuilder().timeSpan(1.0).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN").contains("did not fall below 1e-3 by t = 1.00, where it was")
                .doesNotContain("fell below 1e-6");
    }

    @Test
    void aSpanThatReachesOneThresholdButNotTheOtherSaysWhichWasReachedAndWhen() {
        CheckReport r = Theorem1Check.run(Theorem1Check.Params.newBuilder().timeSpan(6.0).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN")
                .containsPattern("fell below 1e-3 at t = \\d+\\.\\d\\d but did not fall below 1e-6 by t = 6\\.00, where it was");
    }

    @Test
    void theFindingOfAConvergedRunGivesBothCrossingTimesAndTheFinalError() {
        CheckReport r = Theorem1Check.run(Theorem1Check.Params.defaults());
        assertThat(r.finding()).containsPattern("fell below 1e-3 at t = \\d+\\.\\d\\d and below 1e-6 at t = "
                + "\\d+\\.\\d\\d, and was \\S+ at t = 60\\.00;");
    }
}
