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
        CheckReport r = ConditionOneCheck.run(new ConditionOneCheck.Params(0.25, 1e-3, 3000, 20, 300,
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
                d.maxTurnStep(), d.seeds(), d.minLateFractionPositive()));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("worstLateFractionPositive")).isLessThan(0.7);
        assertThat(r.finding()).contains("latestTurnStep", "worstLateFractionPositive");
    }

    /**
     * The tolerance is stated in steps: at η = 2e-5 learning is 50 times slower, the running mean turns positive for
     * good only at step 976 (of 3000) for the slowest seed, and the late quarter is still 99% positive; a criterion
     * of "turned before the end" would pass it. With the turn required by step 300 it fails, naming the step.
     */
    @Test
    void aTurnThatComesLateFails() {
        CheckReport r = ConditionOneCheck.run(ConditionOneCheck.Params.newBuilder().eta(2e-5).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((int) r.measured().get("latestTurnStep")).isEqualTo(976);
        assertThat((double) r.measured().get("worstLateFractionPositive")).isGreaterThan(0.95);
        assertThat(r.finding()).contains("did not stay positive from step 300 (of 3000) on", "the latest positive only from step 976");
        assertThat(ConditionOneCheck.run(ConditionOneCheck.Params.newBuilder().eta(2e-5).maxTurnStep(1000).build()).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void withoutLearningTheFindingSaysForHowManySeedsTheMeanDidNotStayPositive() {
        CheckReport r = ConditionOneCheck.run(ConditionOneCheck.Params.newBuilder().eta(1e-9).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN").containsPattern("did not stay positive from step 300 "
                + "\\(of 3000\\) on for \\d of them").doesNotContain("stayed positive from step");
    }
}
