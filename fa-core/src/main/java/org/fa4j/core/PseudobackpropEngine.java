package org.fa4j.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link Pseudobackprop}: {@code Δh_{l−1} = W_l⁺ δ_l}, in batch form {@code Δ_{l−1} = Δ_l (W_l⁺)ᵀ} (PAPER §1.3). Each
 * layer's {@code W⁺} is recomputed in float64 by EJML when it is older than {@code recomputeEvery} steps.
 */
final class PseudobackpropEngine extends ChainEngine {
    private final int every;
    private final Matrix[] pinv;
    private final long[] computedAt;
    private long step;

    PseudobackpropEngine(Pseudobackprop rule, int depth) {
        this.every = rule.recomputeEvery();
        this.pinv = new Matrix[depth];
        this.computedAt = new long[depth];
    }

    @Override
    void beforeBackward(Model m, long step) {
        this.step = step;
    }

    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        if (pinv[l] == null || step - computedAt[l] >= every) {
            Matrix w = m.wt[l].transpose(); // W_l, units_l × units_{l−1}
            if (pinv[l] == null) {
                pinv[l] = Matrix.zeros(w.cols(), w.rows());
            }
            pseudoInverse(w, pinv[l]);
            computedAt[l] = step;
        }
        la.gemm(Op.N, Op.T, 1f, deltaL, pinv[l], 0f, out); // Δh_PBP = W⁺e
    }

    /** {@code out = W⁺} ({@code cols × rows} of {@code w}), computed in float64 by EJML's SVD and rounded. */
    static void pseudoInverse(Matrix w, Matrix out) {
        DMatrixRMaj a = toDouble(w);
        DMatrixRMaj p = new DMatrixRMaj(w.cols(), w.rows());
        SolvePseudoInverseSvd_DDRM solver = new SolvePseudoInverseSvd_DDRM(w.rows(), w.cols());
        if (!solver.setA(a)) {
            throw new ArithmeticException("the SVD of a " + w.shape() + " weight matrix failed (non-finite entries?)");
        }
        solver.invert(p);
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(i, j, (float) p.get(i, j));
            }
        }
    }

    static DMatrixRMaj toDouble(Matrix w) {
        DMatrixRMaj a = new DMatrixRMaj(w.rows(), w.cols());
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                a.set(i, j, w.get(i, j));
            }
        }
        return a;
    }
}
