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

    /**
     * Negative case: claim 3 compares the Jacobian on the hyperbola with −(W + W₀²). With W and W₀ swapped in that
     * formula, −(W₀ + W²), the lower-left branch W₀ &lt; −1 is predicted unstable although it is stable, and the check
     * must fail; the same small grid with the right formula passes.
     */
    @Test
    void aStabilityEigenvalueWithWAndW0SwappedMisclassifiesTheLowerLeftBranchSoTheCheckFails() {
        Fig3Check.Params small = new Fig3Check.Params(5, 200, 0.01, 1e-9, 1e-8, 1e-6, 1.0, -1.5, -1.5);
        assertThat(Fig3Check.run(small).verdict()).isEqualTo(Verdict.PASS);
        CheckReport r = Fig3Check.run(small, w0 -> -(w0 + 1 / (w0 * w0)));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("hyperbolaClassificationAgreement")).isLessThan(1.0);
        assertThat((double) r.measured().get("maxEigenvalueGap")).isGreaterThan(1.0);
    }

    @Test
    void theCounterCaseStartedOutsideTheBadBasinSaysWhereTheFlowWasInstead() {
        CheckReport r = Fig3Check.runNonzeroCCounterCase(Fig3Check.Params.newBuilder().badStartW0(0).badStartW(0)
                .build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).contains("did not settle on the bad branch", "by t = 200.00", "≥ 0")
                .doesNotContain("settled at");
    }

    @Test
    void aMarginThatExcludesEveryGridPointSaysSoInsteadOfPrintingNaN() {
        CheckReport r = Fig3Check.run(Fig3Check.Params.newBuilder().gridSize(5).separatrixMargin(100).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN")
                .contains("no basin agreement measured: all 25 grid points lie within 100 of the separatrix");
    }
}
