package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.fa4j.core.rule.NodePerturbation;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class NodePerturbationTest {

    /**
     * One example repeated in a batch of N = 20000 rows gives N independent perturbations in one step. Per sample
     * δ ≈ −(gᵀξ)ξ/σ² (g = ∂L/∂a_h), whose mean is −g and whose covariance is ‖g‖²I + 2ggᵀ, so the mean of N samples
     * is off by about ‖g‖√(n_h/N) = 0.03‖g‖ for n_h = 20: an angle of ≈ 2°. The second-order term of L̃ − L is even
     * in ξ and drops out of the mean. We require the mean within 6° of the true negative gradient (Wᵀe here, a
     * linear net), and each single sample to be far off (above 45° on average), so the test cannot pass by accident.
     */
    @Test
    void meanUpdatePointsAlongTheTrueGradient() {
        NetworkSpec spec = NetworkSpec.newBuilder(30).layer(20, Activation.identity(), false).layer(10, Activation.identity(), false)
                .init(Init.uniform(0.3)).build();
        Model m = Model.create(spec, new NodePerturbation(1e-2), 4);
        int n = 20000;
        Matrix x1 = Data.gaussian(1, 30, 8);
        Matrix y1 = Data.gaussian(1, 10, 9);
        Matrix x = Matrix.zeros(n, 30);
        Matrix y = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            x.row(i).copyFrom(x1);
            y.row(i).copyFrom(y1);
        }
        double[] mean = new double[20];
        double[] truth = new double[20];
        double[] singleAngles = new double[1];
        Trainer.newBuilder(m, TrainingConfig.newBuilder().batchSize(n).seed(77).build()).linalg(Linalg.newBuilder().threads(1).build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        Matrix d = s.diagnostics().delta(0);
                        Matrix g = s.diagnostics().backpropSignal(0); // Wᵀe = −∂L/∂h for a linear net
                        for (int j = 0; j < 20; j++) {
                            truth[j] = g.get(0, j);
                        }
                        for (int i = 0; i < n; i++) {
                            double[] row = Reference.row(d, i);
                            for (int j = 0; j < 20; j++) {
                                mean[j] += row[j] / n;
                            }
                            if (i < 200) {
                                singleAngles[0] += Reference.angleSigned(row, truth) / 200;
                            }
                        }
                    }
                }).build().step(x, y);
        assertThat(Reference.angleSigned(mean, truth)).isLessThan(6.0);
        assertThat(singleAngles[0]).isGreaterThan(45.0);
    }
}
