package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fa4j.core.rule.Backprop;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Linalg LA = Linalg.newBuilder().threads(1).build();

    /** Outputs of the identity model below: row i is the network's output for example i. */
    private static final float[][] OUT = {
        {0.9f, 0.1f, 0.0f}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.2f, 0.8f}, {0.3f, 0.5f, 0.2f}};
    private static final int[] CLASS = {0, 1, 1, 2, 2};

    /** A 3-3 linear layer with W = I and no bias: its output is its input. */
    private static Model identity() {
        NetworkSpec spec = NetworkSpec.newBuilder(3).layer(3, Activation.identity(), false).build();
        Model m = Model.create(spec, new Backprop(), 1);
        m.setWeights(0, Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        return m;
    }

    private static Matrix targets() {
        Matrix t = Matrix.zeros(CLASS.length, 3);
        for (int i = 0; i < CLASS.length; i++) {
            t.set(i, CLASS[i], 1f);
        }
        return t;
    }

    private static Evaluation evaluate() {
        return Evaluation.of(identity(), Matrix.of(OUT), targets(), LA);
    }

    @Test
    void countsTargetAgainstPredictedClassAndSumsTheErrorsInFloat64() {
        Evaluation ev = evaluate();
        // Predicted classes (argmax of each row): 0, 1, 0, 2, 1 against targets 0, 1, 1, 2, 2.
        assertThat(ev.confusion().toArray()).isDeepEqualTo(new int[][] {{1, 0, 0}, {1, 1, 0}, {0, 1, 1}});
        assertThat(ev.count()).isEqualTo(5);
        assertThat(ev.accuracy()).isEqualTo(0.6);
        assertThat(ev.errorRate()).isCloseTo(0.4, within(1e-15));
        double sse = 0;
        for (int i = 0; i < OUT.length; i++) {
            for (int j = 0; j < 3; j++) {
                double e = (j == CLASS[i] ? 1.0 : 0.0) - (double) OUT[i][j];
                sse += e * e;
            }
        }
        assertThat(ev.sumSquaredError()).isCloseTo(sse, within(1e-12));
        assertThat(ev.nse()).isCloseTo(sse / 5, within(1e-12)); // Σ‖y*‖² = 5 one-hot rows
        assertThat(ev.mse()).isCloseTo(sse / 15, within(1e-12));
    }

    @Test
    void theConfusionMatrixCannotBeChangedThroughItsSourceOrItsCopies() {
        int[][] counts = {{2, 1}, {0, 3}};
        ConfusionMatrix c = ConfusionMatrix.of(counts);
        counts[0][0] = 99;
        c.toArray()[1][1] = 99;
        assertThat(c.get(0, 0)).isEqualTo(2);
        assertThat(c.get(1, 1)).isEqualTo(3);
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.correct()).isEqualTo(5);
        assertThat(c.classes()).isEqualTo(2);
        assertThat(c).hasToString("[[2, 1], [0, 3]]");
    }

    @Test
    void twoEvaluationsOfTheSameModelAndDataAreEqualByContent() {
        Evaluation a = evaluate();
        Evaluation b = evaluate();
        assertThat(a.confusion()).isNotSameAs(b.confusion());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(ConfusionMatrix.of(new int[][] {{1, 0}, {0, 1}})).isNotEqualTo(ConfusionMatrix.of(new int[][] {{0, 1}, {1, 0}}));
    }

    @Test
    void rejectsConfusionMatricesThatAreNotSquareNegativeOrDisagreeWithTheCount() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 entries");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[][] {{1, -2}, {3, 4}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2 at (0, 1)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 rows");
        ConfusionMatrix c = ConfusionMatrix.of(new int[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> new Evaluation(3, 1.0, c, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counts 2 examples").hasMessageContaining("count = 3");
        assertThatThrownBy(() -> c.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("(2, 0)");
    }
}
