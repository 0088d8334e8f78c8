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
}
