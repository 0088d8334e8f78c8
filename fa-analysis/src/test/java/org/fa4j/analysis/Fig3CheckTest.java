package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Fig3CheckTest {
    @Test
    void fig3ClaimsHoldOnTheDefaultGrid() {
        CheckReport r = Fig3Check.run(Fig3Check.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("basinAgreement")).isEqualTo(1.0);
        assertThat((int) r.measured().get("predictedBadBasinPoints")).isGreaterThan(100);
        assertThat((int) r.measured().get("excludedNearSeparatrix")).isLessThan(50);
    }

    @Test
    void nonzeroCStartedInTheBadBasinEndsWhereEWBeIsNegative() {
        CheckReport r = Fig3Check.runNonzeroCCounterCase(Fig3Check.Params.defaults());
        assertThat(r.role()).isEqualTo(Role.COUNTER_CASE);
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("eWBeOverESquared")).isNegative();
        assertThat((double) r.measured().get("endW0")).isLessThan(-1);
    }

    @Test
    void theCounterCaseFailsItsPredictionWhenStartedOutsideTheBadBasin() {
        Fig3Check.Params p = Fig3Check.Params.defaults();
        Fig3Check.Params outside = new Fig3Check.Params(p.gridSize(), p.settleTime(), p.separatrixMargin(),
                p.conservationTolerance(), p.endpointTolerance(), p.eigenvalueTolerance(), p.minAgreement(), 0, 0);
        assertThat(Fig3Check.runNonzeroCCounterCase(outside).verdict()).isEqualTo(Verdict.FAIL);
    }
}
