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
}
