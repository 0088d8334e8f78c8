package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fa4j.core.rule.Backprop;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Known answers: a logistic unit with bias +30 has f' = σ(30)(1 − σ(30)) ≈ 9e-14 on every input in [−1, 1]·(small
 * weights), so it counts as saturated; one with bias 0 has f' ≈ 0.25 and does not. Identity layers never count.
 */
class SaturationTest {
    static final Linalg ONE = Linalg.newBuilder().threads(1).build();

    @Test
    void unitsPinnedByTheirBiasCountAndOthersDoNot() {
        NetworkSpec spec = NetworkSpec.newBuilder(6).layer(4, Activation.logistic()).layer(3, Activation.logistic())
                .init(Init.uniform(0.01)).build();
        Model m = Model.create(spec, new Backprop(), 1);
        Matrix b0 = m.bias(0).orElseThrow();
        b0.set(0, 1, 30f); // hidden unit 1 pinned at 1
        b0.set(0, 3, -30f); // hidden unit 3 pinned at 0
        Matrix b1 = m.bias(1).orElseThrow();
        for (int k = 0; k < 3; k++) {
            b1.set(0, k, 40f); // every output unit pinned at 1
        }
        Saturation s = Saturation.measure(m, Data.gaussian(300, 6, 2), 1e-3, ONE); // 300 rows: two chunks of 256 and 44
        assertThat(s.examples()).isEqualTo(300);
        assertThat(s.share()).containsExactly(0.5, 1.0);
        assertThat(s.hiddenShare()).isEqualTo(0.5);
        assertThat(s.outputShare()).isEqualTo(1.0);
        b1.set(0, 2, 0f); // one output unit free again
        assertThat(Saturation.measure(m, Data.gaussian(300, 6, 2), 1e-3, ONE).outputShare()).isEqualTo(2.0 / 3);
    }

    @Test
    void identityLayersNeverCountAndBadArgumentsAreNamed() {
        NetworkSpec spec = NetworkSpec.newBuilder(6).layer(4, Activation.identity()).layer(3, Activation.identity()).build();
        Model m = Model.create(spec, new Backprop(), 1);
        assertThat(Saturation.measure(m, Data.gaussian(5, 6, 2), 1e-3, ONE).share()).containsExactly(0.0, 0.0);
        assertThatThrownBy(() -> Saturation.measure(m, Data.gaussian(5, 7, 2), 1e-3, ONE)).hasMessageContaining("5x7");
        assertThatThrownBy(() -> Saturation.measure(m, Data.gaussian(5, 6, 2), 0, ONE)).hasMessageContaining("threshold");
    }
}
