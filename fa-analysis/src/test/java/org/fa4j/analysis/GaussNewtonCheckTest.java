package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaussNewtonCheckTest {
    @Test
    void pseudobackpropChangesHByAPositiveMultipleOfTheGaussNewtonStep() {
        CheckReport r = GaussNewtonCheck.run(GaussNewtonCheck.Params.defaults());
        assertThat(r.verdict()).as(r.finding()).isEqualTo(Verdict.PASS);
        assertThat((double) r.measured().get("slope")).isBetween(0.9, 1.1);
    }

    @Test
    void rejectsMoreOutputsThanHiddenUnits() {
        assertThatThrownBy(() -> GaussNewtonCheck.run(new GaussNewtonCheck.Params(5, 3, 4, List.of(1e-3, 1e-4), 1,
                1L, 1e-3, 0.1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_o = 4");
    }
}
