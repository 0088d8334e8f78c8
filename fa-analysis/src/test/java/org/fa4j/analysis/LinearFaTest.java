package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LinearFaTest {
    private final SplittableRandom rnd = new SplittableRandom(9);
    private final DMatrixRMaj t = Mat64.uniform(4, 7, -1, 1, rnd);
    private final DMatrixRMaj b = Mat64.uniform(5, 4, -0.5, 0.5, rnd);
    private final DMatrixRMaj w = Mat64.uniform(4, 5, -0.3, 0.3, rnd);
    private final DMatrixRMaj a = Mat64.uniform(5, 7, -0.3, 0.3, rnd);
    private final LinearFa net = new LinearFa(t, b);

    @Test
    void oneExpectedStepChangesCByExactlyMinusEtaSquaredBEEtBt() {
        double eta = 0.01;
        DMatrixRMaj e = net.error(w, a);
        DMatrixRMaj be = Mat64.mult(b, e);
        DMatrixRMaj predicted = CommonOps_DDRM.multTransB(-eta * eta, be, be, null);
        DMatrixRMaj c0 = net.conserved(w, a);
        DMatrixRMaj w1 = w.copy();
        DMatrixRMaj a1 = a.copy();
        net.expectedStep(w1, a1, eta);
        DMatrixRMaj change = net.conserved(w1, a1);
        CommonOps_DDRM.subtractEquals(change, c0);
        CommonOps_DDRM.subtractEquals(change, predicted);
        assertThat(Mat64.normF(change)).isLessThan(1e-14);
    }

    @Test
    void odeRightHandSideIsTheExpectedUpdateDividedByEta() {
        double[] dy = net.ode().computeDerivatives(0, net.pack(w, a));
        DMatrixRMaj w1 = w.copy();
        DMatrixRMaj a1 = a.copy();
        net.expectedStep(w1, a1, 1.0);
        double[] y0 = net.pack(w, a);
        double[] y1 = net.pack(w1, a1);
        for (int i = 0; i < dy.length; i++) {
            assertThat(Math.abs(dy[i] - (y1[i] - y0[i]))).isLessThan(1e-14);
        }
    }

    @Test
    void lyapunovRateMatchesAFiniteDifferenceAlongTheFlow() {
        double h = 1e-6;
        double[] y = net.pack(w, a);
        double[] dy = net.ode().computeDerivatives(0, y);
        double[] yp = y.clone();
        double[] ym = y.clone();
        for (int i = 0; i < y.length; i++) {
            yp[i] += h * dy[i];
            ym[i] -= h * dy[i];
        }
        double fd = (net.lyapunov(net.w(yp), net.a(yp)) - net.lyapunov(net.w(ym), net.a(ym))) / (2 * h);
        double rate = net.lyapunovRate(w, a);
        assertThat(Math.abs(fd - rate)).isLessThan(1e-6 * Math.max(1, Math.abs(rate)));
    }

    @Test
    void eq34EqualsTheGeneralRateWhenCIsZero() {
        DMatrixRMaj zw = new DMatrixRMaj(4, 5);
        DMatrixRMaj za = new DMatrixRMaj(5, 7);
        // Two expected steps from zero keep C = 0 only to O(η²); use the ODE instead: integrate briefly from zero.
        Ode.Result r = Ode.integrate(net.ode(), net.pack(zw, za), 0.5, 1e-12, 1e-14, s -> { });
        DMatrixRMaj w1 = net.w(r.state());
        DMatrixRMaj a1 = net.a(r.state());
        assertThat(Mat64.normF(net.conserved(w1, a1))).isLessThan(1e-10);
        double general = net.lyapunovRate(w1, a1);
        double eq34 = net.lyapunovRateEq34(w1, a1);
        assertThat(general).isNegative();
        assertThat(Math.abs(general - eq34)).isLessThan(1e-8 * Math.abs(eq34));
    }

    @Test
    void rejectsFeedbackWhoseColumnsDoNotMatchTheOutputs() {
        assertThatThrownBy(() -> new LinearFa(t, new DMatrixRMaj(5, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5x3")
                .hasMessageContaining("4x7");
    }
}
