package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class Mat64Test {
    @Test
    void pseudoinverseSatisfiesThePenroseConditionsForARankDeficientMatrix() {
        SplittableRandom rnd = new SplittableRandom(1);
        DMatrixRMaj left = Mat64.uniform(7, 3, -1, 1, rnd);
        DMatrixRMaj right = Mat64.uniform(3, 5, -1, 1, rnd);
        DMatrixRMaj a = Mat64.mult(left, right); // 7x5, rank 3
        DMatrixRMaj p = Mat64.pinv(a);
        assertThat(p.numRows).isEqualTo(5);
        assertThat(p.numCols).isEqualTo(7);
        assertThat(gap(Mat64.mult(Mat64.mult(a, p), a), a)).isLessThan(1e-12);
        assertThat(gap(Mat64.mult(Mat64.mult(p, a), p), p)).isLessThan(1e-12);
        DMatrixRMaj ap = Mat64.mult(a, p);
        assertThat(gap(ap, CommonOps_DDRM.transpose(ap, null))).isLessThan(1e-12);
        DMatrixRMaj pa = Mat64.mult(p, a);
        assertThat(gap(pa, CommonOps_DDRM.transpose(pa, null))).isLessThan(1e-12);
    }

    @Test
    void pseudoinverseOfAFullColumnRankMatrixIsALeftInverse() {
        DMatrixRMaj b = Mat64.uniform(20, 10, -0.5, 0.5, new SplittableRandom(2));
        DMatrixRMaj pb = Mat64.mult(Mat64.pinv(b), b);
        assertThat(gap(pb, CommonOps_DDRM.identity(10))).isLessThan(1e-12);
    }

    @Test
    void anglesUseTheAbsoluteCosineConvention() {
        assertThat(Mat64.angleDeg(new double[] {1, 0}, new double[] {-3, 0})).isEqualTo(0.0);
        assertThat(Mat64.angleDeg(new double[] {1, 0}, new double[] {0, 2})).isCloseTo(90.0, within(1e-12));
        assertThat(Mat64.angleDeg(new double[] {1, 0}, new double[] {-1, Math.sqrt(3)})).isCloseTo(60.0, within(1e-12));
        assertThat(Mat64.signedAngleDeg(new double[] {1, 0}, new double[] {-1, Math.sqrt(3)}))
                .isCloseTo(120.0, within(1e-12));
        assertThat(Mat64.angleDeg(new double[] {0, 0}, new double[] {1, 0})).isNaN();
    }

    @Test
    void tinyAnglesKeepFullPrecision() {
        double eps = 1e-13;
        assertThat(Math.toRadians(Mat64.angleDeg(new double[] {1, eps}, new double[] {1, 0})))
                .isCloseTo(eps, within(1e-20));
    }

    @Test
    void logLogSlopeRecoversAPowerLaw() {
        assertThat(Mat64.logLogSlope(new double[] {1e-3, 1e-2, 1e-1}, new double[] {3e-6, 3e-4, 3e-2}))
                .isCloseTo(2.0, within(1e-12));
    }

    @Test
    void matrixVectorProductRejectsMismatchedShapesNamingBoth() {
        DMatrixRMaj m = new DMatrixRMaj(3, 4);
        assertThatThrownBy(() -> Mat64.mult(m, new double[5], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4")
                .hasMessageContaining("length 5");
    }

    private static double gap(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = a.copy();
        CommonOps_DDRM.subtractEquals(d, b);
        return Mat64.normF(d) / Math.max(1, Mat64.normF(b));
    }
}
