package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class Linear64Test {

    @Test
    void pseudoinverseTimesVectorMatchesHipparchusSvdForWideAndTallMatrices() {
        SplittableRandom r = new SplittableRandom(4);
        for (int[] shape : new int[][] {{10, 20}, {20, 10}, {3, 3}}) {
            int m = shape[0];
            int n = shape[1];
            double[] w = new double[m * n];
            double[][] w2 = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    w[i * n + j] = r.nextGaussian();
                    w2[i][j] = w[i * n + j];
                }
            }
            double[] e = new double[m];
            for (int i = 0; i < m; i++) {
                e[i] = r.nextGaussian();
            }
            RealMatrix pinv = new SingularValueDecomposition(MatrixUtils.createRealMatrix(w2)).getSolver().getInverse();
            double[] expected = pinv.operate(e);
            assertThat(Linear64.pinvTimes(w, m, n, e)).as("%dx%d", m, n).containsExactly(expected, within(1e-9));
        }
    }

    @Test
    void pseudoinverseOfAZeroMatrixIsReportedAsNull() {
        assertThat(Linear64.pinvTimes(new double[6], 2, 3, new double[] {1, 1})).isNull();
    }

    @Test
    void angleUsesTheAbsoluteCosineSoItLiesBetweenZeroAndNinety() {
        assertThat(Linear64.angleDegrees(new double[] {1, 0}, new double[] {0, 2})).isCloseTo(90, within(1e-12));
        assertThat(Linear64.angleDegrees(new double[] {1, 1}, new double[] {-2, -2})).isCloseTo(0, within(1e-6));
        assertThat(Linear64.angleDegrees(new double[] {1, 0}, new double[] {1, 1})).isCloseTo(45, within(1e-12));
        assertThat(Linear64.angleDegrees(new double[] {1, 0}, new double[] {-1, 1})).isCloseTo(45, within(1e-12));
        assertThat(Linear64.angleDegrees(new double[] {0, 0}, new double[] {1, 1})).isNaN();
    }
}
