package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
