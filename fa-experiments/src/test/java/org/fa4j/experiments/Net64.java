package org.fa4j.experiments;

import java.util.SplittableRandom;
import org.fa4j.analysis.Mat64;

/**
 * Test reference: a small fully connected network in double precision and plain scalar loops, trained one example at
 * a time (linear or tanh hidden units, linear outputs, optional biases; shallow, node perturbation, BP, FA). Fig. 2d
 * trains on fa-core; this independent float64 network checks it ({@code Fig2dExperimentTest}) and {@link LinearNet64}.
 */
final class Net64 {
    /** The hidden-unit nonlinearity. */
    enum Activation { LINEAR, TANH }

    /** How the hidden layers learn. */
    enum Rule { SHALLOW, NODE_PERTURBATION, BACKPROP, FEEDBACK_ALIGNMENT }

    final int[] sizes;
    final int layers;
    final double[][] w;   // w[l]: sizes[l+1] x sizes[l], row-major
    final double[][] b;   // b[l]: sizes[l+1], or null without biases
    final double[][] fb;  // fb[l] (l >= 1): B_l, sizes[l] x sizes[l+1]; carries delta_{l+1} back to layer l
    final Activation activation;
    final double[][] a;   // activations, a[0] = x
    final double[][] delta;
    final double[] e;
    private final double[] xi;
    private final double[] hTilde;

    Net64(int[] sizes, Activation activation, boolean biases) {
        this.sizes = sizes.clone();
        this.layers = sizes.length - 1;
        this.activation = activation;
        w = new double[layers][];
        b = new double[layers][];
        fb = new double[layers][];
        a = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[sizes[l + 1] * sizes[l]];
            b[l] = biases ? new double[sizes[l + 1]] : null;
            if (l >= 1) {
                fb[l] = new double[sizes[l] * sizes[l + 1]];
            }
        }
        for (int l = 0; l <= layers; l++) {
            a[l] = new double[sizes[l]];
            delta[l] = new double[sizes[l]];
        }
        e = new double[sizes[layers]];
        xi = new double[sizes[1]];
        hTilde = new double[sizes[1]];
    }

    /** Forward weights and biases ~ U[-omega, omega]. */
    void initForward(SplittableRandom r, double omega) {
        for (int l = 0; l < layers; l++) {
            fill(w[l], r, omega);
            if (b[l] != null) {
                fill(b[l], r, omega);
            }
        }
    }

    /** Feedback matrices B_l ~ U[-beta, beta]. */
    void initFeedback(SplittableRandom r, double beta) {
        for (int l = 1; l < layers; l++) {
            fill(fb[l], r, beta);
        }
    }

    /** Fills {@code v} with draws from U[−scale, scale] (in double: the reference keeps every bit of the draw). */
    private static void fill(double[] v, SplittableRandom r, double scale) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * r.nextDouble() - 1) * scale;
        }
    }

    /** Forward pass; returns the output (a view, overwritten by the next call). */
    double[] forward(double[] x) {
        System.arraycopy(x, 0, a[0], 0, x.length);
        for (int l = 0; l < layers; l++) {
            affine(l, a[l], a[l + 1]);
            if (l < layers - 1) {
                activate(a[l + 1]);
            }
        }
        return a[layers];
    }

    private void affine(int l, double[] in, double[] out) {
        int n = sizes[l];
        double[] wl = w[l];
        for (int i = 0; i < out.length; i++) {
            double s = b[l] == null ? 0 : b[l][i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += wl[row + j] * in[j];
            }
            out[i] = s;
        }
    }

    private void activate(double[] v) {
        if (activation == Activation.TANH) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.tanh(v[i]);
            }
        }
    }

    /** e = y* − y after {@link #forward}; returns ½‖e‖². */
    double error(double[] target) {
        double[] y = a[layers];
        double s = 0;
        for (int k = 0; k < e.length; k++) {
            e[k] = target[k] - y[k];
            s += e[k] * e[k];
        }
        return 0.5 * s;
    }

    /** One learning step with the current {@link #e}: every delta from the pre-update weights, then the updates. */
    void update(Rule rule, double eta, double npSigma, SplittableRandom noise, double[] target) {
        System.arraycopy(e, 0, delta[layers], 0, e.length); // linear outputs: delta_y = e
        if (rule == Rule.BACKPROP || rule == Rule.FEEDBACK_ALIGNMENT) {
            for (int l = layers - 1; l >= 1; l--) {
                if (rule == Rule.BACKPROP) {
                    Mat64.multTrans(w[l], sizes[l + 1], sizes[l], delta[l + 1], delta[l]); // W_l^T delta
                } else {
                    Mat64.mult(fb[l], sizes[l], sizes[l + 1], delta[l + 1], delta[l]);          // B_l delta, eq. (2)
                }
                if (activation == Activation.TANH) {
                    for (int i = 0; i < sizes[l]; i++) {
                        delta[l][i] *= 1 - a[l][i] * a[l][i];
                    }
                }
            }
        }
        if (rule == Rule.NODE_PERTURBATION) {
            nodePerturbation(eta, npSigma, noise, target);
        }
        int lowest = (rule == Rule.BACKPROP || rule == Rule.FEEDBACK_ALIGNMENT) ? 0 : layers - 1;
        for (int l = layers - 1; l >= lowest; l--) {
            Mat64.addOuter(w[l], eta, delta[l + 1], a[l]); // ΔW ∝ e hᵀ; ΔW0 ∝ Δh xᵀ
            if (b[l] != null) {
                for (int i = 0; i < b[l].length; i++) {
                    b[l][i] += eta * delta[l + 1][i];
                }
            }
        }
    }

    /**
     * Node perturbation (PAPER.md §1.3, Werfel et al. 2005) for a single hidden layer: perturb the hidden
     * pre-activations by ξ ~ N(0, σ²), and step ΔW0 = −η (L̃ − L)/σ² ξ xᵀ. Updates W0 (and b0) here.
     */
    private void nodePerturbation(double eta, double sigma, SplittableRandom noise, double[] target) {
        if (layers != 2) {
            throw new IllegalArgumentException("node perturbation is implemented for one hidden layer; the net has " + (layers - 1));
        }
        double loss = 0;
        for (double v : e) {
            loss += v * v;
        }
        loss *= 0.5;
        affine(0, a[0], hTilde);
        for (int i = 0; i < hTilde.length; i++) {
            xi[i] = sigma * noise.nextGaussian();
            hTilde[i] += xi[i];
        }
        activate(hTilde);
        double lossTilde = 0;
        int nh = sizes[1];
        for (int k = 0; k < e.length; k++) {
            double y = b[1] == null ? 0 : b[1][k];
            for (int j = 0; j < nh; j++) {
                y += w[1][k * nh + j] * hTilde[j];
            }
            double d = target[k] - y;
            lossTilde += d * d;
        }
        lossTilde *= 0.5;
        double scale = -(lossTilde - loss) / (sigma * sigma);
        double[] g = new double[nh];
        for (int i = 0; i < nh; i++) {
            g[i] = scale * xi[i];
        }
        Mat64.addOuter(w[0], eta, g, a[0]);
        if (b[0] != null) {
            for (int i = 0; i < nh; i++) {
                b[0][i] += eta * g[i];
            }
        }
    }

    /** Δh sent to the top hidden layer by BP: W_topᵀ e. */
    double[] hiddenSignalBackprop() {
        int l = layers - 1;
        double[] out = new double[sizes[l]];
        Mat64.multTrans(w[l], sizes[l + 1], sizes[l], e, out);
        return out;
    }

    /** Δh sent to the top hidden layer by FA: B e (eq. 2). */
    double[] hiddenSignalFeedback() {
        int l = layers - 1;
        double[] out = new double[sizes[l]];
        Mat64.mult(fb[l], sizes[l], sizes[l + 1], e, out);
        return out;
    }

    /** Δh sent by pseudobackprop: W_top⁺ e (PAPER.md §1.3); null if W is rank-deficient. */
    double[] hiddenSignalPseudoBackprop() {
        int l = layers - 1;
        return Linear64.pinvTimes(w[l], sizes[l + 1], sizes[l], e);
    }
}
