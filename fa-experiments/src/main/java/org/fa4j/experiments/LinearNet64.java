package org.fa4j.experiments;

import java.util.SplittableRandom;
import org.fa4j.analysis.Mat64;

/**
 * The linear 30-20-10 network of Task 1 and Fig. 4 (PAPER.md §2.1, §2.2), {@code y = W W0 x}, no biases, in double
 * precision and trained one example at a time with shallow learning, node perturbation, backprop or feedback alignment.
 *
 * <p>Why float64 and not fa-core's float32 {@code Model}: the paper's Fig. 1d follows BP and FA down to an NSE of
 * 1e-11–1e-12, and Fig. 4's angles are read on errors that small; float32 training stops near 1e-12–1e-14 (the
 * fa-core series of Fig. 1 shows where), so the paper's curves below that, and the angles measured on them, need
 * double precision. The initial weights and B are copied from an fa-core {@code Model} (floats widen exactly), so the
 * two precisions start from the same numbers.
 */
final class LinearNet64 {
    /** How the hidden layer learns (the output layer always learns, ΔW ∝ e hᵀ). */
    enum Rule { SHALLOW, NODE_PERTURBATION, BACKPROP, FEEDBACK_ALIGNMENT }

    final int in;
    final int hidden;
    final int out;
    final double[] w0;  // hidden x in, row-major
    final double[] w;   // out x hidden
    final double[] b;   // B: hidden x out, eq. (2)
    final double[] x;
    final double[] h;
    final double[] y;
    final double[] e;
    private final double[] dh;
    private final double[] xi;
    private final double[] hTilde;

    LinearNet64(int in, int hidden, int out) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        w0 = new double[hidden * in];
        w = new double[out * hidden];
        b = new double[hidden * out];
        x = new double[in];
        h = new double[hidden];
        y = new double[out];
        e = new double[out];
        dh = new double[hidden];
        xi = new double[hidden];
        hTilde = new double[hidden];
    }

    /** Forward pass {@code h = W0 x, y = W h}; returns y (a view, overwritten by the next call). */
    double[] forward(double[] input) {
        System.arraycopy(input, 0, x, 0, in);
        Mat64.mult(w0, hidden, in, x, h);
        Mat64.mult(w, out, hidden, h, y);
        return y;
    }

    /** e = y* − y after {@link #forward}; returns ½‖e‖². */
    double error(double[] target) {
        double s = 0;
        for (int k = 0; k < out; k++) {
            e[k] = target[k] - y[k];
            s += e[k] * e[k];
        }
        return 0.5 * s;
    }

    /** One learning step with the current {@link #e}: Δh from the pre-update weights, then both updates. */
    void update(Rule rule, double eta, double npSigma, SplittableRandom noise, double[] target) {
        switch (rule) {
            case BACKPROP -> Mat64.multTrans(w, out, hidden, e, dh);         // Δh_BP = Wᵀ e
            case FEEDBACK_ALIGNMENT -> Mat64.mult(b, hidden, out, e, dh);    // Δh_FA = B e, eq. (2)
            case NODE_PERTURBATION -> nodePerturbation(npSigma, noise, target);
            case SHALLOW -> { }
        }
        if (rule != Rule.SHALLOW) {
            Mat64.addOuter(w0, eta, dh, x);                                  // ΔW0 ∝ Δh xᵀ
        }
        Mat64.addOuter(w, eta, e, h);                                        // ΔW ∝ e hᵀ
    }

    /**
     * Node perturbation (PAPER.md §1.3, Werfel et al. 2005): perturb the hidden units by ξ ~ N(0, σ²I) and set
     * Δh = −(L̃ − L)/σ² ξ, so that ΔW0 = −η (L̃ − L)/σ² ξ xᵀ.
     */
    private void nodePerturbation(double sigma, SplittableRandom noise, double[] target) {
        double loss = 0;
        for (double v : e) {
            loss += v * v;
        }
        for (int i = 0; i < hidden; i++) {
            xi[i] = sigma * noise.nextGaussian();
            hTilde[i] = h[i] + xi[i];
        }
        double lossTilde = 0;
        for (int k = 0; k < out; k++) {
            double yk = 0;
            for (int j = 0; j < hidden; j++) {
                yk += w[k * hidden + j] * hTilde[j];
            }
            double d = target[k] - yk;
            lossTilde += d * d;
        }
        double scale = -0.5 * (lossTilde - loss) / (sigma * sigma);
        for (int i = 0; i < hidden; i++) {
            dh[i] = scale * xi[i];
        }
    }

    /** Δh sent to the hidden layer by BP: Wᵀ e. */
    double[] hiddenSignalBackprop() {
        double[] s = new double[hidden];
        Mat64.multTrans(w, out, hidden, e, s);
        return s;
    }

    /** Δh sent to the hidden layer by FA: B e (eq. 2). */
    double[] hiddenSignalFeedback() {
        double[] s = new double[hidden];
        Mat64.mult(b, hidden, out, e, s);
        return s;
    }

    /** Δh sent by pseudobackprop: W⁺ e (PAPER.md §1.3); null if W is rank-deficient. */
    double[] hiddenSignalPseudoBackprop() {
        return Linear64.pinvTimes(w, out, hidden, e);
    }
}
