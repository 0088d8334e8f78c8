package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaussNewtonCheckTest {
    @Test
    void pseudobackpropChangesHByAPositiveMultipleOfTheGaussNewtonStep() {
        CheckReport r = GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("slope")).isBetween(0.9, 1.1);
    }

    /**
     * The cases built to break the claim: a step along backprop's Wᵀe or along a random direction obeys the same
     * first-order prediction (the chain rule holds for any direction), but is not the Gauss–Newton step. The
     * normal-equations criterion sees it: its gap is of order 1 where W⁺e's is at rounding level.
     */
    @Test
    void backpropsDirectionAndARandomOneAreNotTheGaussNewtonStep() {
        CheckReport pinv = GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults(), GaussNewtonCheck.Direction.PSEUDOINVERSE);
        assertThat((double) pinv.measured().get("gaussNewtonNormalEquationsGap")).isLessThan(1e-12);
        for (GaussNewtonCheck.Direction d : new GaussNewtonCheck.Direction[] {GaussNewtonCheck.Direction.TRANSPOSE,
                GaussNewtonCheck.Direction.RANDOM}) {
            CheckReport r = GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults(), d);
            assertThat(r.verdict()).as(d + ": " + r.finding()).isEqualTo(Verdict.FAIL);
            assertThat((double) r.measured().get("gaussNewtonNormalEquationsGap")).as(d.name()).isGreaterThan(0.1);
            @SuppressWarnings("unchecked")
            List<Double> rel = (List<Double>) r.measured().get("relativeErrorNorm");
            assertThat(rel.get(rel.size() - 1)).as(d + ": the first-order prediction alone cannot tell").isLessThan(1e-3);
            assertThat(r.finding()).contains("Direction " + d).contains("required at most 1e-9");
        }
    }

    @Test
    void rejectsMoreOutputsThanHiddenUnits() {
        assertThatThrownBy(() -> GaussNewtonCheck.run(new GaussNewtonCheck.Params(5, 3, 4, List.of(1e-3, 1e-4), 1,
                1L, 1e-3, 0.1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_o = 4");
    }

    /**
     * Negative case: the paper's Δh_GN = −e_h⁺e assumes e = y − y*; read with fa4j's e = y* − y it predicts the change
     * of h with the wrong sign. The prediction is then off by twice its size at every η, and the check must fail.
     */
    @Test
    void thePapersSignReadWithFa4jsErrorConventionPredictsTheWrongDirectionAndFails() {
        CheckReport r = GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults(), -1.0);
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.FAIL);
        @SuppressWarnings("unchecked")
        List<Double> rel = (List<Double>) r.measured().get("relativeErrorNorm");
        assertThat(rel.get(rel.size() - 1)).isCloseTo(2.0, within(1e-2));
        assertThat(r.finding()).contains("relativeErrorNormAtSmallestEta", "slope");
    }
}
