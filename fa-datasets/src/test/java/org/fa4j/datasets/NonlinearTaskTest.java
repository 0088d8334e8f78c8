package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class NonlinearTaskTest {
    @Test
    void sameSeedGivesBitIdenticalTeacherAndData() {
        NonlinearTask a = NonlinearTask.generate(4, 300);
        NonlinearTask b = NonlinearTask.generate(4, 300);
        Matrix[] pa = params(a.teacher());
        Matrix[] pb = params(b.teacher());
        for (int i = 0; i < pa.length; i++) {
            assertThat(pa[i].contentEquals(pb[i])).isTrue();
        }
        assertThat(a.train().inputs().contentEquals(b.train().inputs())).isTrue();
        assertThat(a.train().targets().contentEquals(b.train().targets())).isTrue();
        assertThat(a.test().targets().contentEquals(b.test().targets())).isTrue();
        assertThat(NonlinearTask.generate(5, 1).teacher().w0().contentEquals(a.teacher().w0())).isFalse();
    }

    @Test
    void teacherIs30_20_10_10WithAPaperSizedTestSet() {
        NonlinearTask task = NonlinearTask.generate(1, 100);
        TanhTeacher t = task.teacher();
        assertThat(new String[] {t.w0().shape(), t.b0().shape(), t.w1().shape(), t.b1().shape(), t.w2().shape(), t.b2().shape()})
                .containsExactly("20x30", "1x20", "10x20", "1x10", "10x10", "1x10");
        assertThat(task.test().size()).isEqualTo(5000);
        assertThat(task.train().inputs().shape()).isEqualTo("100x30");
        assertThat(task.train().targets().shape()).isEqualTo("100x10");
    }

    @Test
    void parametersLieWithinTheDocumentedScale() {
        double gain = 1.7;
        TanhTeacher t = NonlinearTask.generate(2, 0, 0, gain).teacher();
        int[] fanIn = {30, 30, 20, 20, 10, 10};
        Matrix[] p = params(t);
        for (int k = 0; k < p.length; k++) {
            double a = gain * Math.sqrt(3.0 / (fanIn[k] + 1));
            double max = 0;
            for (float v : p[k].toArray()) {
                assertThat((double) Math.abs(v)).isLessThanOrEqualTo(a);
                max = Math.max(max, Math.abs(v));
            }
            assertThat(max).as("parameters %d fill their range", k).isGreaterThan(0.5 * a);
        }
    }

    @Test
    void firstLayerPreActivationsHaveStandardDeviationNearTheGain() {
        for (double gain : new double[] {0.5, 1.5, 3.0}) {
            NonlinearTask task = NonlinearTask.generate(6, 0, 5000, gain);
            TanhTeacher t = task.teacher();
            Matrix x = task.test().inputs();
            double sumSq = 0;
            for (int r = 0; r < x.rows(); r++) {
                for (int i = 0; i < 20; i++) {
                    double z = t.b0().get(0, i);
                    for (int j = 0; j < 30; j++) {
                        z += (double) t.w0().get(i, j) * x.get(r, j);
                    }
                    sumSq += z * z;
                }
            }
            assertThat(Math.sqrt(sumSq / (x.rows() * 20.0))).isCloseTo(gain, within(0.1 * gain));
        }
    }

    @Test
    void targetsMatchAnIndependentFloat64ForwardPass() {
        NonlinearTask task = NonlinearTask.generate(8, 200, 300, NonlinearTask.DEFAULT_GAIN);
        TanhTeacher t = task.teacher();
        for (Dataset d : new Dataset[] {task.train(), task.test()}) {
            for (int r = 0; r < d.size(); r++) {
                double[] x = new double[30];
                for (int j = 0; j < 30; j++) {
                    x[j] = d.inputs().get(r, j);
                }
                double[] y = dense(t.w2(), t.b2(), tanh(dense(t.w1(), t.b1(), tanh(dense(t.w0(), t.b0(), x)))));
                for (int i = 0; i < 10; i++) {
                    assertThat((double) d.targets().get(r, i)).isCloseTo(y[i], within(Math.ulp((float) y[i]) + 1e-9));
                }
            }
        }
    }

    @Test
    void defaultTeacherIsMildlyNonlinearWithTargetsOfOrderOneTenth() {
        // An affine least-squares fit of the targets on the inputs (float64 normal equations) leaves the nonlinear part.
        Dataset d = NonlinearTask.generate(8, 0, 5000, NonlinearTask.DEFAULT_GAIN).test();
        double rms = Math.sqrt(sumSquares(d.targets().toArray()) / d.targets().size());
        assertThat(rms).isBetween(0.15, 0.5);
        double residual = affineResidualFraction(d);
        assertThat(residual).as("nonlinear fraction of the target energy").isBetween(0.01, 0.06); // 2.6% at the default gain 0.7
        assertThat(affineResidualFraction(NonlinearTask.generate(8, 0, 5000, 3.0).test())).isGreaterThan(2 * residual);
    }

    private static double sumSquares(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }

    /** 1 − R² of the best affine map x ↦ A x + c, summed over the outputs: Σ‖y − ŷ‖² / Σ‖y‖². */
    private static double affineResidualFraction(Dataset d) {
        int n = d.size();
        int p = d.inputSize() + 1;
        int k = d.targetSize();
        double[][] g = new double[p][p];
        double[][] r = new double[p][k];
        double[] z = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                z[a] = a < p - 1 ? d.inputs().get(i, a) : 1;
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    g[a][b] += z[a] * z[b];
                }
                for (int c = 0; c < k; c++) {
                    r[a][c] += z[a] * d.targets().get(i, c);
                }
            }
        }
        for (int c = 0; c < p; c++) { // Gauss–Jordan; g is symmetric positive definite
            double piv = g[c][c];
            for (int b = 0; b < p; b++) {
                g[c][b] /= piv;
            }
            for (int b = 0; b < k; b++) {
                r[c][b] /= piv;
            }
            for (int a = 0; a < p; a++) {
                if (a != c) {
                    double f = g[a][c];
                    for (int b = 0; b < p; b++) {
                        g[a][b] -= f * g[c][b];
                    }
                    for (int b = 0; b < k; b++) {
                        r[a][b] -= f * r[c][b];
                    }
                }
            }
        }
        double res = 0;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double y = d.targets().get(i, c);
                double fit = r[p - 1][c];
                for (int a = 0; a < p - 1; a++) {
                    fit += r[a][c] * d.inputs().get(i, a);
                }
                res += (y - fit) * (y - fit);
                energy += y * y;
            }
        }
        return res / energy;
    }

    @Test
    void invalidArgumentsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> NonlinearTask.generate(1, 10, 10, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gain").hasMessageContaining("0.0");
        assertThatThrownBy(() -> NonlinearTask.generate(1, -1, 10, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trainSize = -1");
    }

    private static Matrix[] params(TanhTeacher t) {
        return new Matrix[] {t.w0(), t.b0(), t.w1(), t.b1(), t.w2(), t.b2()};
    }

    private static double[] dense(Matrix w, Matrix b, double[] in) {
        double[] out = new double[w.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = in.length - 1; j >= 0; j--) {
                s += (double) w.get(i, j) * in[j];
            }
            out[i] = s + b.get(0, i);
        }
        return out;
    }

    private static double[] tanh(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.tanh(v[i]);
        }
        return out;
    }
}
