package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudoinverseCheckTest {
    @Test
    void smallInitialWeightsAlignFaWithPseudobackpropMoreThanWithBackprop() {
        CheckReport r = PseudoinverseCheck.run(PseudoinverseCheck.Params.quick());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theSameParametersGiveBitIdenticalResults() {
        PseudoinverseCheck.Params p = new PseudoinverseCheck.Params(List.of(0.01, 0.2), 1e-3, 2000, 7, List.of(5L),
                0.01);
        assertThat(PseudoinverseCheck.sweep(p)).isEqualTo(PseudoinverseCheck.sweep(p));
    }

    @Test
    void angleToPseudobackpropGrowsWithTheInitialScale() {
        PseudoinverseCheck.Params q = PseudoinverseCheck.Params.quick();
        List<PseudoinverseCheck.OmegaResult> res = PseudoinverseCheck.sweep(new PseudoinverseCheck.Params(
                List.of(0.001, 0.1, 0.25), q.eta(), q.steps(), 20, q.seeds(), q.smallOmega()));
        assertThat(res.get(0).angleFaPbpDeg()).isLessThan(2.0);
        assertThat(res.get(0).angleFaPbpDeg()).isLessThan(res.get(1).angleFaPbpDeg());
        assertThat(res.get(1).angleFaPbpDeg()).isLessThan(res.get(2).angleFaPbpDeg());
        assertThat(res.get(0).cosWBplus()).isGreaterThan(res.get(2).cosWBplus());
        // From near-zero weights W's row space is the range of B, so Be has almost nothing outside it.
        assertThat(res.get(0).beOutsideRowSpaceOfW()).isLessThan(0.01);
        assertThat(res.get(2).beOutsideRowSpaceOfW()).isGreaterThan(0.1);
        for (PseudoinverseCheck.OmegaResult o : res) {
            assertThat(o.nseEnd()).as("window ends before rounding level").isGreaterThan(1e-25).isLessThan(1e-6);
        }
    }

    /**
     * Negative case: the claim is about feedback alignment. Trained by backprop instead (the hidden layer learns from
     * Wᵀe, not B e), the hidden update is the BP direction itself, its angle to BP is 0, and the claim that it is
     * closer to pseudobackprop than to backprop must fail; the same short run under FA passes.
     */
    @Test
    void aNetworkTrainedByBackpropInsteadOfFaFailsTheClaim() {
        PseudoinverseCheck.Params p = new PseudoinverseCheck.Params(List.of(0.001, 0.25), 1e-3, 4000, 20, List.of(11L),
                0.01);
        assertThat(PseudoinverseCheck.run(p).verdict()).isEqualTo(Verdict.PASS);
        CheckReport r = PseudoinverseCheck.run(p, Task1Float64.Feedback.TRANSPOSE_W);
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.measured().get("perOmega");
        assertThat((double) rows.get(0).get("angleFaBpDeg")).isLessThan(1e-6);
        assertThat(r.finding()).contains("smallOmegaPbpAngleBelowBpAngle");
    }

    @Test
    void rejectsOmegasThatAreNotAscendingBecauseTheFirstIsComparedAsTheSmallest() {
        assertThatThrownBy(() -> new PseudoinverseCheck.Params(List.of(0.25, 0.001), 1e-3, 100, 10, List.of(1L), 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending")
                .hasMessageContaining("[0.25, 0.001]");
    }
}
