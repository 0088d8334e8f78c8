package org.fa4j.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The linear three-layer network {@code y = W A x} trained by feedback alignment, in float64, exactly as in the
 * Supplement's Proof #1: {@code E = T − W A} (eq. 5), per-example updates (6)–(7), expected updates (10)–(11) for
 * whitened inputs, and the continuous-time system (12)–(13). Independent of fa-core on purpose: this is the reference.
 * The state is {@code W} (n_o×n_h) and {@code A} (n_h×n_i), packed row-major as {@code [W, A]} for the ODE solver.
 */
final class LinearFa {
    final DMatrixRMaj t;
    final DMatrixRMaj b;
    final int nO;
    final int nH;
    final int nI;

    LinearFa(DMatrixRMaj target, DMatrixRMaj feedback) {
        if (feedback.numCols != target.numRows) {
            throw new IllegalArgumentException("B must be n_h x n_o with n_o = rows of T: B is " + feedback.numRows
                    + "x" + feedback.numCols + ", T is " + target.numRows + "x" + target.numCols);
        }
        this.t = target;
        this.b = feedback;
        this.nO = target.numRows;
        this.nI = target.numCols;
        this.nH = feedback.numRows;
    }

    int dimension() {
        return nO * nH + nH * nI;
    }

    double[] pack(DMatrixRMaj w, DMatrixRMaj a) {
        checkShapes(w, a);
        double[] y = new double[dimension()];
        System.arraycopy(w.data, 0, y, 0, nO * nH);
        System.arraycopy(a.data, 0, y, nO * nH, nH * nI);
        return y;
    }

    DMatrixRMaj w(double[] y) {
        DMatrixRMaj w = new DMatrixRMaj(nO, nH);
        System.arraycopy(y, 0, w.data, 0, nO * nH);
        return w;
    }

    DMatrixRMaj a(double[] y) {
        DMatrixRMaj a = new DMatrixRMaj(nH, nI);
        System.arraycopy(y, nO * nH, a.data, 0, nH * nI);
        return a;
    }

    /** E = T − W A, eq. (5). */
    DMatrixRMaj error(DMatrixRMaj w, DMatrixRMaj a) {
        checkShapes(w, a);
        DMatrixRMaj e = t.copy();
        CommonOps_DDRM.multAdd(-1.0, w, a, e);
        return e;
    }

    /** The continuous-time system Ẇ = E Aᵀ (12), Ȧ = B E (13), as an ODE for Hipparchus. */
    OrdinaryDifferentialEquation ode() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return dimension();
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                DMatrixRMaj w = w(y);
                DMatrixRMaj a = a(y);
                DMatrixRMaj e = error(w, a);
                DMatrixRMaj wDot = CommonOps_DDRM.multTransB(e, a, null);
                DMatrixRMaj aDot = CommonOps_DDRM.mult(b, e, null);
                return pack(wDot, aDot);
            }
        };
    }

    /** C = B W + Wᵀ Bᵀ − A Aᵀ, the conserved matrix of eq. (14). */
    DMatrixRMaj conserved(DMatrixRMaj w, DMatrixRMaj a) {
        checkShapes(w, a);
        DMatrixRMaj bw = CommonOps_DDRM.mult(b, w, null);
        DMatrixRMaj c = new DMatrixRMaj(nH, nH);
        CommonOps_DDRM.transpose(bw, c);
        CommonOps_DDRM.addEquals(c, bw);
        CommonOps_DDRM.multAddTransB(-1.0, a, a, c);
        return c;
    }

    /** One expected (large-batch, E[xxᵀ] = I) update, eqs. (10)–(11), both from the current W and A. */
    void expectedStep(DMatrixRMaj w, DMatrixRMaj a, double eta) {
        DMatrixRMaj e = error(w, a);
        DMatrixRMaj be = CommonOps_DDRM.mult(b, e, null);
        CommonOps_DDRM.multAddTransB(eta, e, a, w);
        CommonOps_DDRM.addEquals(a, eta, be);
    }

    /** One per-example update, eqs. (6)–(7): ΔW = η e hᵀ, ΔA = η B e xᵀ with h = A x, e = E x. */
    void exampleStep(DMatrixRMaj w, DMatrixRMaj a, double eta, double[] x, double[] h, double[] y, double[] e,
            double[] be) {
        forward(w, a, x, h, y, e);
        Mat64.mult(b, e, be);
        update(w, a, eta, x, h, e, be);
    }

    /** The forward pass on example {@code x}: h = A x, y = W h and e = T x − y. */
    void forward(DMatrixRMaj w, DMatrixRMaj a, double[] x, double[] h, double[] y, double[] e) {
        Mat64.mult(a, x, h);
        Mat64.mult(w, h, y);
        Mat64.mult(t, x, e);
        for (int k = 0; k < nO; k++) {
            e[k] -= y[k];
        }
    }

    /** The updates (6)–(7) after {@link #forward}: W += η e hᵀ and A += η δ xᵀ with the hidden signal δ (B e for FA). */
    void update(DMatrixRMaj w, DMatrixRMaj a, double eta, double[] x, double[] h, double[] e, double[] delta) {
        Mat64.addOuter(w, eta, e, h);
        Mat64.addOuter(a, eta, delta, x);
    }

    /** V = ‖B E‖²_F, eq. (23). */
    double lyapunov(DMatrixRMaj w, DMatrixRMaj a) {
        return Mat64.sq(CommonOps_DDRM.mult(b, error(w, a), null));
    }

    /** V̇ = 2 tr(B Ė Eᵀ Bᵀ) with Ė = −E AᵀA − W B E (Lemma 2), valid whatever C is. */
    double lyapunovRate(DMatrixRMaj w, DMatrixRMaj a) {
        DMatrixRMaj e = error(w, a);
        DMatrixRMaj be = CommonOps_DDRM.mult(b, e, null);
        DMatrixRMaj eat = CommonOps_DDRM.multTransB(e, a, null);
        DMatrixRMaj eDot = CommonOps_DDRM.mult(-1.0, eat, a, null);
        CommonOps_DDRM.multAdd(-1.0, w, be, eDot);
        DMatrixRMaj bEDot = CommonOps_DDRM.mult(b, eDot, null);
        return 2.0 * Mat64.dotF(bEDot, be);
    }

    /** V̇ in the form of eq. (34), −2‖B E Aᵀ‖² − ‖Aᵀ B E‖², which needs C = 0. */
    double lyapunovRateEq34(DMatrixRMaj w, DMatrixRMaj a) {
        DMatrixRMaj e = error(w, a);
        DMatrixRMaj be = CommonOps_DDRM.mult(b, e, null);
        DMatrixRMaj beat = CommonOps_DDRM.multTransB(be, a, null);
        DMatrixRMaj atbe = CommonOps_DDRM.multTransA(a, be, null);
        return -2.0 * Mat64.sq(beat) - Mat64.sq(atbe);
    }

    private void checkShapes(DMatrixRMaj w, DMatrixRMaj a) {
        if (w.numRows != nO || w.numCols != nH || a.numRows != nH || a.numCols != nI) {
            throw new IllegalArgumentException("expected W " + nO + "x" + nH + " and A " + nH + "x" + nI + ", got W "
                    + w.numRows + "x" + w.numCols + " and A " + a.numRows + "x" + a.numCols);
        }
    }
}
