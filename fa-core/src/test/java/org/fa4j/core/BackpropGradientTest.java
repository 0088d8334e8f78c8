package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.fa4j.core.rule.Backprop;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class BackpropGradientTest {

    /**
     * The update backprop makes, −δ_lᵀ h_{l−1} per layer (summed over a batch of 3), equals the central finite
     * difference of the float64 reference loss. The trainer computes in float32, so agreement is to float32 accuracy:
     * relative error ≤ 2e-3 of the gradient's norm (float32 ε ≈ 6e-8, amplified by depth and by FD truncation
     * ~h² with h = 1e-4 in float64).
     */
    @RepeatedTest(12)
    void backpropMatchesCentralFiniteDifferences(RepetitionInfo info) {
        SplittableRandom r = new SplittableRandom(100 + info.getCurrentRepetition());
        int depth = 2 + r.nextInt(3);
        boolean ce = r.nextBoolean();
        NetworkSpec.Builder b = NetworkSpec.newBuilder(2 + r.nextInt(5)).init(Init.uniform(0.8));
        Activation[] acts = {Activation.identity(), Activation.logistic(), Activation.tanh()};
        for (int l = 0; l < depth; l++) {
            boolean top = l == depth - 1;
            Activation a = top && ce ? Activation.identity() : acts[r.nextInt(acts.length)];
            b.layer(2 + r.nextInt(5), a, r.nextBoolean());
        }
        if (ce) {
            b.loss(Loss.softmaxCrossEntropy());
        }
        NetworkSpec spec = b.build();
        Model m = Model.create(spec, new Backprop(), r.nextLong());
        int batch = 3;
        Matrix x = Matrix.zeros(batch, spec.inputs());
        Matrix y = Matrix.zeros(batch, spec.outputs());
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < spec.inputs(); j++) {
                x.set(i, j, (float) r.nextGaussian());
            }
            for (int k = 0; k < spec.outputs(); k++) {
                y.set(i, k, ce ? (k == i % spec.outputs() ? 1f : 0f) : (float) r.nextGaussian());
            }
        }
        Reference ref = new Reference(m);
        List<double[][]> grads = new ArrayList<>();
        List<double[]> biasGrads = new ArrayList<>();
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1e-3).batchSize(batch).build())
                .linalg(Linalg.newBuilder().threads(1).build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        for (int l = 0; l < depth; l++) {
                            Matrix d = s.diagnostics().delta(l);
                            double[][] g = new double[spec.units(l)][spec.units(l - 1)];
                            double[] gb = new double[spec.units(l)];
                            for (int i = 0; i < batch; i++) {
                                double[] in = ref.forward(Reference.row(x, i))[l];
                                for (int o = 0; o < g.length; o++) {
                                    gb[o] -= d.get(i, o);
                                    for (int j = 0; j < in.length; j++) {
                                        g[o][j] -= d.get(i, o) * in[j]; // ∂L/∂W = −δ hᵀ
                                    }
                                }
                            }
                            grads.add(g);
                            biasGrads.add(gb);
                        }
                    }
                }).build();
        t.step(x, y);

        double h = 1e-4;
        for (int l = 0; l < depth; l++) {
            double[][] g = grads.get(l);
            double[][] fd = new double[g.length][g[0].length];
            for (int o = 0; o < g.length; o++) {
                for (int j = 0; j < g[0].length; j++) {
                    fd[o][j] = centralDifference(ref.w[l][o], j, h, () -> totalLoss(ref, x, y));
                }
            }
            assertThat(relativeError(g, fd)).as("layer %d of %s (%s)", l, spec.sizes(), spec.loss().name()).isLessThan(2e-3);
            if (ref.b[l] != null) {
                double[] fb = new double[g.length];
                for (int o = 0; o < g.length; o++) {
                    fb[o] = centralDifference(ref.b[l], o, h, () -> totalLoss(ref, x, y));
                }
                assertThat(relativeError(new double[][] {biasGrads.get(l)}, new double[][] {fb})).as("bias of layer %d", l).isLessThan(2e-3);
            }
        }
    }

    /** ∂loss/∂p[i] by the central difference with step h; p[i] is restored. */
    private static double centralDifference(double[] p, int i, double h, DoubleSupplier loss) {
        double keep = p[i];
        p[i] = keep + h;
        double plus = loss.getAsDouble();
        p[i] = keep - h;
        double minus = loss.getAsDouble();
        p[i] = keep;
        return (plus - minus) / (2 * h);
    }

    private static double totalLoss(Reference ref, Matrix x, Matrix y) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            s += ref.loss(Reference.row(x, i), Reference.row(y, i));
        }
        return s;
    }

    private static double relativeError(double[][] a, double[][] c) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                diff += (a[i][j] - c[i][j]) * (a[i][j] - c[i][j]);
                norm += c[i][j] * c[i][j];
            }
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-12);
    }
}
