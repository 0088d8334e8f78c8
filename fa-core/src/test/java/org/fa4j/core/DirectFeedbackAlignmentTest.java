package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fa4j.core.FamilyFixtures.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.DirectFeedbackAlignment;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class DirectFeedbackAlignmentTest {

    @Test
    void equalsFeedbackAlignmentBitForBitOnAOneHiddenLayerNet() {
        Matrix x = inputs(60, 10, 21);
        Matrix y = teacher(x, 5, true, 22);
        for (int batch : new int[] {1, 4}) {
            Model dfa = Model.create(shallowSpec(), DirectFeedbackAlignment.uniform(0.5), 9);
            Model fa = Model.create(shallowSpec(), FeedbackAlignment.uniform(0.5), 9);
            assertThat(dfa.feedback(1).orElseThrow().contentEquals(fa.feedback(1).orElseThrow())).as("D_0 = B_1").isTrue();
            TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.1).weightDecay(1e-3).batchSize(batch).epochs(3).seed(2).build();
            Trainer.newBuilder(dfa, c).linalg(TWO_THREADS).build().fit(x, y);
            Trainer.newBuilder(fa, c).linalg(TWO_THREADS).build().fit(x, y);
            for (int l = 0; l < 2; l++) {
                assertThat(dfa.weights(l).contentEquals(fa.weights(l))).as("W_%d, batch %d", l, batch).isTrue();
                assertThat(dfa.bias(l).orElseThrow().contentEquals(fa.bias(l).orElseThrow())).as("b_%d, batch %d", l, batch).isTrue();
            }
            assertThat(dfa.weights(0).contentEquals(Model.create(shallowSpec(), new Backprop(), 9).weights(0))).as("it trained").isFalse();
        }
    }

    @Test
    void isNotAPerLayerPathway() {
        assertThatThrownBy(() -> Layerwise.of(java.util.List.of(DirectFeedbackAlignment.uniform(0.5), new Backprop())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direct-feedback-alignment")
                .hasMessageContaining("kolen-pollack");
    }

    @Test
    void keepsOneOutputsWideMatrixPerHiddenLayer() {
        NetworkSpec spec = deepSpec();
        Model m = Model.create(spec, DirectFeedbackAlignment.uniform(0.5), 1);
        assertThat(m.feedback(0)).isEmpty();
        assertThat(m.feedback(1).orElseThrow().shape()).isEqualTo(Matrix.zeros(16, 5).shape());
        assertThat(m.feedback(2).orElseThrow().shape()).isEqualTo(Matrix.zeros(12, 5).shape());
    }

    /** Every hidden delta against {@code (D_h δ_y) ∘ tanh'(a_h)} computed independently in float64. */
    @Test
    void sendsTheOutputDeltaDirectlyToEveryHiddenLayer() {
        NetworkSpec spec = deepSpec();
        Model m = Model.create(spec, DirectFeedbackAlignment.uniform(0.5), 4);
        Matrix x = inputs(3, 10, 31);
        Matrix y = teacher(x, 5, false, 32);
        Model before = m.copy();
        Matrix[] seen = new Matrix[3];
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.01).batchSize(3).build()).linalg(ONE_THREAD)
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        for (int l = 0; l < 3; l++) {
                            seen[l] = s.diagnostics().delta(l).copy();
                        }
                    }
                }).build();
        t.step(x, y);
        for (int i = 0; i < x.rows(); i++) {
            // float64 forward pass with the weights the step started from
            double[][] h = new double[3][];
            double[] in = row(x, i);
            for (int l = 0; l < 3; l++) {
                Matrix w = before.weights(l);
                Matrix b = before.bias(l).orElseThrow();
                h[l] = new double[w.rows()];
                for (int r = 0; r < w.rows(); r++) {
                    double a = b.get(0, r);
                    for (int c = 0; c < w.cols(); c++) {
                        a += w.get(r, c) * in[c];
                    }
                    h[l][r] = l < 2 ? Math.tanh(a) : a;
                }
                in = h[l];
            }
            double[] deltaY = new double[5];
            for (int o = 0; o < 5; o++) {
                deltaY[o] = y.get(i, o) - h[2][o]; // linear output: δ_y = e
                assertThat((double) seen[2].get(i, o)).isCloseTo(deltaY[o], org.assertj.core.data.Offset.offset(1e-5));
            }
            for (int hl = 0; hl < 2; hl++) {
                Matrix d = before.feedback(hl + 1).orElseThrow();
                for (int u = 0; u < d.rows(); u++) {
                    double s = 0;
                    for (int o = 0; o < 5; o++) {
                        s += d.get(u, o) * deltaY[o];
                    }
                    double expected = s * (1 - h[hl][u] * h[hl][u]);
                    assertThat((double) seen[hl].get(i, u)).as("δ_%d[%d][%d]", hl, i, u)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void rejectsAFeedbackMatrixOfTheWrongShapeOnLoad() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        // a feedback-alignment file (B_1 is 16x12) relabelled as DFA, which needs D_0 of 16x5
        ObjectNode fa = (ObjectNode) mapper.readTree(Model.create(deepSpec(), FeedbackAlignment.uniform(0.5), 1).toJson());
        fa.set("rule", ModelJson.writeRule(DirectFeedbackAlignment.uniform(0.5)));
        String relabelled = mapper.writeValueAsString(fa);
        assertThatThrownBy(() -> Model.fromJson(relabelled)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16x5").hasMessageContaining("16x12").hasMessageContaining("direct-feedback-alignment");
    }

    private static double[] row(Matrix m, int i) {
        double[] r = new double[m.cols()];
        for (int j = 0; j < r.length; j++) {
            r[j] = m.get(i, j);
        }
        return r;
    }
}
