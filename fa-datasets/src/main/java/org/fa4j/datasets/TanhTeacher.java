package org.fa4j.datasets;

import java.util.Objects;
import org.fa4j.simd.Matrix;

/**
 * The fixed random 30–20–10–10 target network of Task 3 (§2.4 of our digest):
 * {@code y* = W2 tanh(W1 tanh(W0 x + b0) + b1) + b2}, tanh hidden units, linear outputs, a bias on every unit.
 *
 * <p>Weights are {@code out × in} matrices (a unit's incoming weights are a row); biases are {@code 1 × out} row
 * vectors. Parameters are stored as floats; {@link #apply(Matrix)} evaluates the network in double precision.
 *
 * @param w0 20 × 30
 * @param b0 1 × 20
 * @param w1 10 × 20
 * @param b1 1 × 10
 * @param w2 10 × 10
 * @param b2 1 × 10
 */
public record TanhTeacher(Matrix w0, Matrix b0, Matrix w1, Matrix b1, Matrix w2, Matrix b2) {
    /** Layer widths of the teacher: input, two hidden layers, output. */
    static final int[] WIDTHS = {30, 20, 10, 10};

    /** Checks that the shapes chain: {@code w0} is h0 × in, {@code b0} 1 × h0, and so on. */
    public TanhTeacher {
        checkLayer("w0/b0", w0, b0, -1);
        checkLayer("w1/b1", w1, b1, w0.rows());
        checkLayer("w2/b2", w2, b2, w1.rows());
    }

    private static void checkLayer(String name, Matrix w, Matrix b, int in) {
        Objects.requireNonNull(w, name);
        Objects.requireNonNull(b, name);
        if (b.rows() != 1 || b.cols() != w.rows()) {
            throw new IllegalArgumentException(name + ": bias " + b.shape() + " must be 1x" + w.rows() + " for weights " + w.shape());
        }
        if (in >= 0 && w.cols() != in) {
            throw new IllegalArgumentException(name + ": weights " + w.shape() + " must have " + in + " columns (the previous layer's width)");
        }
    }

    /**
     * A random teacher from {@code stream}: for each layer in turn, the weights row by row, then the biases, all from
     * U[−a, a] with {@code a = gain · sqrt(3 / (fanIn + 1))}. Treating the bias as the weight of a constant input 1,
     * each unit has {@code fanIn + 1} incoming parameters of variance {@code gain² / (fanIn + 1)}, so a pre-activation
     * fed by unit-variance inputs has variance {@code gain²}.
     */
    static TanhTeacher random(RandomStream stream, double gain) {
        Matrix[] p = new Matrix[6];
        for (int l = 0; l < 3; l++) {
            int in = WIDTHS[l];
            int out = WIDTHS[l + 1];
            double a = gain * Math.sqrt(3.0 / (in + 1));
            p[2 * l] = Matrix.zeros(out, in);
            p[2 * l + 1] = Matrix.zeros(1, out);
            fill(p[2 * l], stream, a);
            fill(p[2 * l + 1], stream, a);
        }
        return new TanhTeacher(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    private static void fill(Matrix m, RandomStream stream, double a) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, (float) stream.uniform(-a, a));
            }
        }
    }

    /** The number of inputs (30). */
    public int inputSize() {
        return w0.cols();
    }

    /** The number of outputs (10). */
    public int outputSize() {
        return w2.rows();
    }

    /** The teacher's output for every row of {@code inputs}, computed in double precision and rounded once to float. */
    public Matrix apply(Matrix inputs) {
        if (inputs.cols() != inputSize()) {
            throw new IllegalArgumentException("inputs " + inputs.shape() + " must have " + inputSize() + " columns");
        }
        Matrix y = Matrix.zeros(inputs.rows(), outputSize());
        double[] x = new double[inputSize()];
        for (int r = 0; r < inputs.rows(); r++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = inputs.get(r, j);
            }
            double[] h0 = layer(w0, b0, x, true);
            double[] h1 = layer(w1, b1, h0, true);
            double[] out = layer(w2, b2, h1, false);
            for (int i = 0; i < out.length; i++) {
                y.set(r, i, (float) out[i]);
            }
        }
        return y;
    }

    private static double[] layer(Matrix w, Matrix b, double[] in, boolean tanh) {
        double[] out = new double[w.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = b.get(0, i);
            for (int j = 0; j < in.length; j++) {
                s += (double) w.get(i, j) * in[j];
            }
            out[i] = tanh ? StrictMath.tanh(s) : s;
        }
        return out;
    }
}
