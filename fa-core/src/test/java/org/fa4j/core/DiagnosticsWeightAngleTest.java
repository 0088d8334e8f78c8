package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.DirectFeedbackAlignment;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** {@link Diagnostics#weightAngle}: W_l ∡ B_lᵀ against a float64 reference read from W_l itself, its end points and its errors. */
class DiagnosticsWeightAngleTest {
    private static final NetworkSpec SPEC = NetworkSpec.newBuilder(7).layer(5, Activation.tanh()).layer(4, Activation.tanh())
            .layer(3, Activation.identity()).init(Init.uniform(0.5)).build();

    /** acos(|Σ W_l[j][i] B_l[i][j]| / (‖W_l‖‖B_l‖)) in degrees, from the forward weights as the user sees them (units_l × units_{l−1}). */
    private static double reference(Model m, int l) {
        Matrix w = m.weights(l);
        Matrix b = m.feedback(l).orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < w.rows(); j++) {
            for (int i = 0; i < w.cols(); i++) {
                ab += (double) w.get(j, i) * b.get(i, j);
                aa += (double) w.get(j, i) * w.get(j, i);
                bb += (double) b.get(i, j) * b.get(i, j);
            }
        }
        return Math.toDegrees(Math.acos(Math.min(1, Math.abs(ab) / Math.sqrt(aa * bb))));
    }

    @Test
    void isTheFloat64AngleOfEveryLayerWithAFeedbackMatrix() {
        Model m = Model.create(SPEC, FeedbackAlignment.uniform(0.5), 11);
        for (int l = 1; l < m.depth(); l++) {
            double a = Diagnostics.weightAngle(m, l);
            assertThat(a).as("layer %d", l).isCloseTo(reference(m, l), within(1e-9));
            // independent uniform draws: far from aligned
            assertThat(a).as("layer %d", l).isGreaterThan(45);
        }
    }

    @Test
    void isZeroForTheTransposeAndItsNegativeAndNinetyForAnOrthogonalMatrix() {
        Model m = Model.create(SPEC, FeedbackAlignment.uniform(0.5), 12);
        Matrix w = m.weights(2);
        Matrix b = m.feedback(2).orElseThrow();
        for (float sign : new float[] {1f, -1f}) {
            for (int j = 0; j < w.rows(); j++) {
                for (int i = 0; i < w.cols(); i++) {
                    b.set(i, j, sign * 3f * w.get(j, i));
                }
            }
            assertThat(Diagnostics.weightAngle(m, 2)).as("B = %s·3Wᵀ", sign).isCloseTo(0, within(1e-3));
        }
        // B non-zero only where W is zeroed: orthogonal as flattened vectors
        for (int j = 0; j < w.rows(); j++) {
            for (int i = 0; i < w.cols(); i++) {
                b.set(i, j, i == 0 && j == 0 ? 1f : 0f);
            }
        }
        m.weightsTransposed(2).set(0, 0, 0f);
        assertThat(Diagnostics.weightAngle(m, 2)).isCloseTo(90, within(1e-9));
    }

    @Test
    void saysWhichLayerHasNoFeedbackMatrixOrOneOfAnotherShape() {
        Model bp = Model.create(SPEC, new Backprop(), 13);
        assertThatThrownBy(() -> Diagnostics.weightAngle(bp, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 has no feedback matrix");
        Model dfa = Model.create(SPEC, DirectFeedbackAlignment.uniform(0.5), 13);
        assertThat(Diagnostics.weightAngle(dfa, 2)).isCloseTo(reference(dfa, 2), within(1e-9));
        assertThatThrownBy(() -> Diagnostics.weightAngle(dfa, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1's feedback matrix is").hasMessageContaining("not the shape of W_lᵀ");
    }
}
