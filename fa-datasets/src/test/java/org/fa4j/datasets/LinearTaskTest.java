package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class LinearTaskTest {
    @Test
    void sameSeedGivesBitIdenticalTeacherAndData() {
        LinearTask a = LinearTask.generate(11, 500, 100);
        LinearTask b = LinearTask.generate(11, 500, 100);
        assertThat(a.teacher().contentEquals(b.teacher())).isTrue();
        assertThat(a.train().inputs().contentEquals(b.train().inputs())).isTrue();
        assertThat(a.train().targets().contentEquals(b.train().targets())).isTrue();
        assertThat(a.test().inputs().contentEquals(b.test().inputs())).isTrue();
        assertThat(a.test().targets().contentEquals(b.test().targets())).isTrue();
    }

    @Test
    void differentSeedsGiveDifferentTeachers() {
        assertThat(LinearTask.generate(11, 1, 0).teacher().contentEquals(LinearTask.generate(12, 1, 0).teacher())).isFalse();
    }

    @Test
    void eachPartDrawsFromItsOwnStream() {
        // The teacher and the training data do not depend on how many test points are drawn, and a longer data set
        // starts with the shorter one: the example sequence is fixed by the seed alone.
        LinearTask small = LinearTask.generate(3, 50, 0);
        LinearTask large = LinearTask.generate(3, 100, 5000);
        assertThat(small.teacher().contentEquals(large.teacher())).isTrue();
        assertThat(small.train().inputs().contentEquals(large.train().inputs().rows(0, 50))).isTrue();
        assertThat(large.test().inputs().row(0).contentEquals(large.train().inputs().row(0))).isFalse();
    }

    @Test
    void teacherIs10By30WithEntriesSpreadOverMinusOneToOne() {
        Matrix t = LinearTask.generate(5, 0, 0).teacher();
        assertThat(t.shape()).isEqualTo("10x30");
        float[] v = t.toArray();
        double sum = 0;
        double sumSq = 0;
        for (float x : v) {
            assertThat(x).isBetween(-1f, 1f);
            sum += x;
            sumSq += x * x;
        }
        // 300 draws of U[-1,1]: mean 0 (s.e. 0.033), mean square 1/3 (s.e. 0.017); 5 s.e.
        assertThat(sum / v.length).isCloseTo(0, within(0.17));
        assertThat(sumSq / v.length).isCloseTo(1.0 / 3, within(0.09));
    }

    @Test
    void inputsHaveZeroMeanAndIdentityCovariance() {
        int n = 20_000;
        Matrix x = LinearTask.generate(9, n, 0).train().inputs();
        double[] mean = new double[30];
        double[][] cov = new double[30][30];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 30; i++) {
                mean[i] += x.get(r, i) / (double) n;
                for (int j = 0; j < 30; j++) {
                    cov[i][j] += (double) x.get(r, i) * x.get(r, j) / n;
                }
            }
        }
        // standard errors: mean 1/sqrt(n) = 0.0071, diagonal sqrt(2/n) = 0.010, off-diagonal 1/sqrt(n); 5 s.e.
        for (int i = 0; i < 30; i++) {
            assertThat(mean[i]).isCloseTo(0, within(0.036));
            for (int j = 0; j < 30; j++) {
                double c = cov[i][j] - mean[i] * mean[j];
                assertThat(c).as("cov[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(i == j ? 0.05 : 0.036));
            }
        }
    }

    @Test
    void targetsAreTheTeacherTimesTheStoredInputs() {
        LinearTask task = LinearTask.generate(21, 300, 50);
        for (Dataset d : new Dataset[] {task.train(), task.test()}) {
            assertThat(d.targets().shape()).isEqualTo(d.size() + "x10");
            assertThat(d.hasLabels()).isFalse();
            for (int r = 0; r < d.size(); r++) {
                for (int i = 0; i < 10; i++) {
                    double ref = 0; // independent float64 recomputation, summed in the opposite order
                    for (int j = 29; j >= 0; j--) {
                        ref += (double) task.teacher().get(i, j) * (double) d.inputs().get(r, j);
                    }
                    assertThat((double) d.targets().get(r, i)).isCloseTo(ref, within(Math.ulp((float) ref) + 1e-12));
                }
            }
        }
    }

    @Test
    void aTaskOfTheWrongShapeIsRefusedNamingThePart() {
        LinearTask t = LinearTask.generate(1, 4, 2);
        assertThatThrownBy(() -> new LinearTask(Matrix.zeros(10, 29), t.train(), t.test()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teacher").hasMessageContaining("10x29");
        Dataset noTargets = new Dataset(t.train().inputs(), null, new int[t.train().size()]);
        assertThatThrownBy(() -> new LinearTask(t.teacher(), noTargets, t.test()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train");
        Dataset wide = new Dataset(Matrix.zeros(2, 31), Matrix.zeros(2, 10), null);
        assertThatThrownBy(() -> new LinearTask(t.teacher(), t.train(), wide))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test").hasMessageContaining("2x31");
    }
}
