package org.fa4j.core;

import org.fa4j.simd.Matrix;

/** An independent float64 forward pass and loss over plain arrays, written from the paper's equations. */
final class Reference {
    final NetworkSpec spec;
    final double[][][] w; // w[l][out][in]
    final double[][] b;   // b[l][out] or null

    Reference(Model m) {
        spec = m.spec();
        int depth = spec.depth();
        w = new double[depth][][];
        b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            Matrix wl = m.weights(l);
            w[l] = new double[wl.rows()][wl.cols()];
            for (int i = 0; i < wl.rows(); i++) {
                for (int j = 0; j < wl.cols(); j++) {
                    w[l][i][j] = wl.get(i, j);
                }
            }
            int out = wl.rows();
            final int layer = l;
            b[l] = m.bias(l).map(bl -> {
                double[] v = new double[out];
                for (int i = 0; i < out; i++) {
                    v[i] = bl.get(0, i);
                }
                return v;
            }).orElse(null);
            if (b[layer] == null) {
                b[layer] = null;
            }
        }
    }

    /** Activations h_{-1} = x, h_0, …, h_top (softmax on top for cross-entropy). */
    double[][] forward(double[] x) {
        int depth = spec.depth();
        double[][] h = new double[depth + 1][];
        h[0] = x;
        for (int l = 0; l < depth; l++) {
            double[] in = h[l];
            double[] out = new double[w[l].length];
            Activation f = spec.layers().get(l).activation();
            for (int i = 0; i < out.length; i++) {
                double s = b[l] == null ? 0 : b[l][i];
                for (int j = 0; j < in.length; j++) {
                    s += w[l][i][j] * in[j];
                }
                out[i] = f.value(s);
            }
            h[l + 1] = out;
        }
        if (spec.loss() instanceof Loss.SoftmaxCrossEntropy) {
            double[] z = h[depth];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.exp(z[i] - max);
                sum += z[i];
            }
            for (int i = 0; i < z.length; i++) {
                z[i] /= sum;
            }
        }
        return h;
    }

    /** The loss of one example: ½‖y* − y‖² or −Σ y* log p. */
    double loss(double[] x, double[] target) {
        double[] y = forward(x)[spec.depth()];
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            if (spec.loss() instanceof Loss.SoftmaxCrossEntropy) {
                s -= target[k] * Math.log(y[k]);
            } else {
                double e = target[k] - y[k];
                s += 0.5 * e * e;
            }
        }
        return s;
    }

    static double[] row(Matrix m, int i) {
        double[] r = new double[m.cols()];
        for (int j = 0; j < r.length; j++) {
            r[j] = m.get(i, j);
        }
        return r;
    }

    /** The angle between a and c in [0°, 180°] (signed: a vector pointing backwards shows as &gt; 90°). */
    static double angleSigned(double[] a, double[] c) {
        double cos = dot(a, c) / Math.sqrt(dot(a, a) * dot(c, c));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }
}
