package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Lemma5CheckTest {
    @Test
    void faAndPseudobackpropAreParallelFromStepTwoWithTheCorrectedScalar() {
        CheckReport r = Lemma5Check.run(Lemma5Check.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("maxAngleFaPbpDeg")).isLessThan(1e-6);
        assertThat((double) r.measured().get("minScalarK")).isPositive();
        assertThat((double) r.measured().get("maxRelativeGapH")).isLessThan(1e-12);
        assertThat(r.notes()).anyMatch(n -> n.contains("η·s_w·‖Bỹ‖²"));
    }

    @Test
    void holdsForOtherShapesAndRates() {
        CheckReport r = Lemma5Check.run(new Lemma5Check.Params(7, 12, 4, 0.02, 3000, 1e-6, 99L, 1e-12, 100));
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
    }

    /**
     * Negative case: the paper prints the scalar of Δh_FA = k·Δh_PBP as (Bỹ)ᵀ(Bỹ); the fitted k differs from it by
     * the factor η·s_w, so checked against the printed scalar the run must fail on that criterion alone.
     */
    @Test
    void theScalarAsPrintedInThePaperFailsWhileTheDirectionsStillAgree() {
        CheckReport r = Lemma5Check.run(Lemma5Check.Params.defaults(), Lemma5Check.Scalar.AS_PRINTED);
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat((double) r.measured().get("maxRelativeGapKInRoundingUnits")).isGreaterThan(1e6);
        assertThat(r.finding()).endsWith("Criteria not met: maxRelativeGapKInRoundingUnits.");
    }

    @Test
    void aBudgetTooSmallToReachTheStopErrorFailsWithAFindingThatSaysSo() {
        CheckReport r = Lemma5Check.run(Lemma5Check.Params.newBuilder().maxSteps(5).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN").doesNotContain("Infinity")
                .startsWith("‖e‖/‖ỹ‖ did not fall below 1.0e-06 within the budget of 5 steps");
    }

    @Test
    void aBudgetThatEndsBeforeStepTwoSaysNoAngleWasMeasured() {
        CheckReport r = Lemma5Check.run(Lemma5Check.Params.newBuilder().maxSteps(2).build());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        assertThat(r.finding()).doesNotContain("NaN").doesNotContain("Infinity")
                .contains("no FA/PBP angle was measured").doesNotContain("at most");
    }

    @Test
    void aRunThatReachesTheStopErrorSaysAfterHowManySteps() {
        CheckReport r = Lemma5Check.run(Lemma5Check.Params.defaults());
        assertThat(r.finding()).startsWith("Over " + r.measured().get("steps") + " steps, until ‖e‖/‖ỹ‖ fell below "
                + "1.0e-06");
    }
}
