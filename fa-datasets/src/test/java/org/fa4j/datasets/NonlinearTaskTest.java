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
    void targetsAreNonlinearButOfOrderOne() {
        Matrix y = NonlinearTask.generate(8, 0, 5000, NonlinearTask.DEFAULT_GAIN).test().targets();
        double sumSq = 0;
        for (float v : y.toArray()) {
            sumSq += v * v;
        }
        assertThat(Math.sqrt(sumSq / y.size())).isBetween(0.3, 3.0);
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
