package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionOneCheckTest {
    @Test
    void runningMeanOfEWBeTurnsPositiveForEverySeed() {
        CheckReport r = ConditionOneCheck.run(ConditionOneCheck.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((int) r.measured().get("seedsStartingNegative")).isPositive();
    }

    @Test
    void largerInitialWeightsTurnPositiveToo() {
        CheckReport r = ConditionOneCheck.run(new ConditionOneCheck.Params(0.25, 1e-3, 3000, 20,
                List.of(11L, 12L, 13L, 14L), 0.95));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
    }

    /**
     * Negative case: condition (1) is acquired by learning W. With η = 1e-9 the weights keep their random initial
     * orientation for the whole run, eᵀWBe keeps a random sign (seeds that start negative stay so), and the check
     * must fail.
     */
    @Test
    void withoutLearningTheRunningMeanStaysAtChanceAndTheCheckFails() {
        ConditionOneCheck.Params d = ConditionOneCheck.Params.defaults();
        CheckReport r = ConditionOneCheck.run(new ConditionOneCheck.Params(d.omega(), 1e-9, d.steps(), d.window(),
                d.seeds(), d.minLateFractionPositive()));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("worstLateFractionPositive")).isLessThan(0.7);
        assertThat(r.finding()).contains("latestTurnStep", "worstLateFractionPositive");
    }

    @Test
    void withoutLearningTheFindingSaysForHowManySeedsTheMeanDidNotStayPositive() {
        CheckReport r = ConditionOneCheck.run(ConditionOneCheck.Params.newBuilder().eta(1e-9).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN").containsPattern("did not stay positive from before step 2980 "
                + "\\(of 3000\\) for \\d of them").doesNotContain("stayed positive from step");
    }
}
