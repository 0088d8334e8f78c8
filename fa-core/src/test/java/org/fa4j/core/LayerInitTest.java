package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fa4j.core.rule.Backprop;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** A layer's own initialiser ({@link LayerSpec#withInit}): which weights it draws, from which draws, and its JSON form. */
class LayerInitTest {

    private static NetworkSpec spec(Init outputInit) {
        LayerSpec out = new LayerSpec(4, Activation.logistic());
        return NetworkSpec.newBuilder(30)
                .layer(20, Activation.logistic())
                .layer(outputInit == null ? out : out.withInit(outputInit))
                .init(Init.uniform(0.5))
                .build();
    }

    @Test
    void theOutputLayerDrawsTheSameValuesAtItsOwnScaleAndTheHiddenLayerIsUnchanged() {
        Model shared = Model.create(spec(null), new Backprop(), 7);
        Model own = Model.create(spec(Init.uniform(0.02)), new Backprop(), 7);
        assertThat(own.spec().initOf(0)).isEqualTo(Init.uniform(0.5));
        assertThat(own.spec().initOf(1)).isEqualTo(Init.uniform(0.02));
        assertThat(own.weights(0).toArray()).isEqualTo(shared.weights(0).toArray());
        Matrix a = own.weights(1);
        Matrix b = shared.weights(1);
        double max = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                // float64 reference: the shared draw u·0.5 rescaled to 0.02
                double expected = (double) b.get(i, j) * (0.02 / 0.5);
                assertThat((double) a.get(i, j)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-8));
                max = Math.max(max, Math.abs(a.get(i, j)));
            }
        }
        assertThat(max).isLessThanOrEqualTo(0.02).isGreaterThan(0.015);
    }

    @Test
    void aLayerInitRoundTripsThroughJsonAndALayerWithoutOneWritesNone() {
        Model own = Model.create(spec(Init.uniform(0.02)), new Backprop(), 3);
        Model back = Model.fromJson(own.toJson());
        assertThat(back.spec()).isEqualTo(own.spec());
        assertThat(back.contentEquals(own)).isTrue();
        String plain = Model.create(spec(null), new Backprop(), 3).toJson();
        assertThat(plain.split("\"init\"", -1)).hasSize(2); // the network's initialiser only
        assertThat(own.toJson().split("\"init\"", -1)).hasSize(3);
        assertThat(Model.fromJson(plain).spec().layers().get(1).init()).isNull();
    }

    @Test
    void aBadLayerInitInJsonNamesItsField() {
        String json = Model.create(spec(Init.uniform(0.02)), new Backprop(), 3).toJson().replace("\"scale\":0.02", "\"scale\":-1");
        assertThat(json).contains("\"scale\":-1");
        assertThatThrownBy(() -> Model.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.layers[1].init");
    }
}
