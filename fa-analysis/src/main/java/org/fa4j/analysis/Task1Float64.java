package org.fa4j.analysis;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Task 1 of the paper (PAPER §2.1) in float64 for the theorem checks: a 30-20-10 linear network, T ~ U[−1,1]^{10×30},
 * B ~ U[−0.5,0.5]^{20×10}, x ~ N(0, I₃₀), online feedback-alignment updates ΔW = η e hᵀ, ΔA = η (B e) xᵀ (eqs. 6–7).
 * Forward weights start as ω times fixed U[−1,1] draws, so runs at different ω share T, B, the direction of the initial
 * weights and the input sequence (separate random streams, as PAPER §5 recommends).
 */
final class Task1Float64 {
    static final int N_I = 30;
    static final int N_H = 20;
    static final int N_O = 10;

    final DMatrixRMaj t;
    final DMatrixRMaj b;
    private final DMatrixRMaj aUnit;
    private final DMatrixRMaj wUnit;
    private final long dataSeed;

    Task1Float64(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        t = Mat64.uniform(N_O, N_I, -1, 1, root.split());
        b = Mat64.uniform(N_H, N_O, -0.5, 0.5, root.split());
        SplittableRandom init = root.split();
        aUnit = Mat64.uniform(N_H, N_I, -1, 1, init);
        wUnit = Mat64.uniform(N_O, N_H, -1, 1, init);
        dataSeed = root.nextLong();
    }

    /** What carries the error to the hidden layer. */
    enum Feedback {
        /** Feedback alignment: the fixed random B, δ = B e (eq. 7). */
        RANDOM_B,
        /** Backprop: δ = Wᵀ e, for counter-cases that must not show FA's behaviour. */
        TRANSPOSE_W
    }

    /** A fresh online run with weights uniform on [−ω, ω] and learning rate η; the input stream is the same for all. */
    Run start(double omega, double eta) {
        return new Run(omega, eta, Feedback.RANDOM_B);
    }

    /** Like {@link #start(double, double)}, with the hidden layer's error signal chosen by {@code feedback}. */
    Run start(double omega, double eta, Feedback feedback) {
        return new Run(omega, eta, feedback);
    }

    /**
     * One online FA run. {@link #forward()} draws x and computes e and the hidden signal {@code be} (B e, or Wᵀ e for
     * {@link Feedback#TRANSPOSE_W}) from the current weights; {@link #update()} then applies eqs. (6)–(7).
     */
    final class Run {
        final DMatrixRMaj w;
        final DMatrixRMaj a;
        final double eta;
        final double[] x = new double[N_I];
        final double[] h = new double[N_H];
        final double[] y = new double[N_O];
        final double[] e = new double[N_O];
        final double[] be = new double[N_H];
        private final SplittableRandom data;
        private final Feedback feedback;
        private final LinearFa net = new LinearFa(t, b);

        private Run(double omega, double eta, Feedback feedback) {
            this.feedback = feedback;
            this.w = wUnit.copy();
            this.a = aUnit.copy();
            org.ejml.dense.row.CommonOps_DDRM.scale(omega, w);
            org.ejml.dense.row.CommonOps_DDRM.scale(omega, a);
            this.eta = eta;
            this.data = new SplittableRandom(dataSeed);
        }

        /** Forward pass on a new example: fills x, h, y, e = Tx − y and B e (or Wᵀ e) from the current weights. */
        void forward() {
            Mat64.gaussian(x, data);
            net.forward(w, a, x, h, y, e);
            if (feedback == Feedback.RANDOM_B) {
                Mat64.mult(b, e, be);
            } else {
                Mat64.multTrans(w, e, be);
            }
        }

        /** Applies the FA update for the example of the last {@link #forward()}. */
        void update() {
            net.update(w, a, eta, x, h, e, be);
        }

        /** Expected NSE with whitened inputs: ‖T − W A‖²_F / ‖T‖²_F. */
        double nse() {
            return Mat64.sq(net.error(w, a)) / Mat64.sq(t);
        }
    }
}
