package org.fa4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * Units that have stopped learning: per layer, the share of units whose activation derivative {@code f'(a)} is below
 * {@code threshold} on every one of the given examples. Such a unit passes (almost) no error to its weights whatever
 * the rule sends it, so a logistic output layer whose units all sit at 0 or 1 stays where it is; a run stuck on a
 * plateau shows up here rather than only as a high error. Identity layers (and the logits of softmax cross-entropy)
 * have {@code f' = 1} and never count.
 *
 * @param threshold the derivative below which a unit counts as saturated on an example (e.g. 1e-3)
 * @param examples  how many examples were measured
 * @param share     per layer ({@code 0} the first hidden layer, the last the output layer), the share of its units
 *                  saturated on every example
 */
public record Saturation(double threshold, int examples, List<Double> share) {

    /** Copies the list. */
    public Saturation {
        share = List.copyOf(share);
    }

    /** Measures {@code model} on the rows of {@code inputs} (the model is not changed). */
    public static Saturation measure(Model model, Matrix inputs, double threshold, Linalg la) {
        Objects.requireNonNull(model, "model");
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        if (inputs.cols() != model.spec().inputs() || inputs.rows() == 0) {
            throw new IllegalArgumentException("inputs are " + inputs.shape() + "; the network " + model.spec().sizes() + " needs n x "
                    + model.spec().inputs() + " with n >= 1");
        }
        int depth = model.depth();
        double[][] maxDerivative = new double[depth][];
        for (int l = 0; l < depth; l++) {
            maxDerivative[l] = new double[model.spec().units(l)];
        }
        int n = inputs.rows();
        int chunk = Math.min(n, Workspace.CHUNK);
        Workspace ws = null;
        for (int s = 0; s < n; s += chunk) {
            int r = Math.min(chunk, n - s);
            if (ws == null || ws.batch != r) {
                ws = new Workspace(model.spec(), r);
            }
            ws.x.copyRowsFrom(inputs, s);
            ws.forward(model, la);
            for (int l = 0; l < depth; l++) {
                Activation f = model.spec().layers().get(l).activation();
                Matrix d = Matrix.zeros(r, model.spec().units(l));
                f.derivative(la, ws.act[l], d);
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < d.cols(); j++) {
                        maxDerivative[l][j] = Math.max(maxDerivative[l][j], d.get(i, j));
                    }
                }
            }
        }
        List<Double> share = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            int dead = 0;
            for (double m : maxDerivative[l]) {
                dead += m < threshold ? 1 : 0;
            }
            share.add((double) dead / maxDerivative[l].length);
        }
        return new Saturation(threshold, n, share);
    }

    /** The share of the output layer's units saturated on every example. */
    public double outputShare() {
        return share.getLast();
    }

    /** The largest share over the hidden layers (0 for a network without one). */
    public double hiddenShare() {
        double m = 0;
        for (int l = 0; l < share.size() - 1; l++) {
            m = Math.max(m, share.get(l));
        }
        return m;
    }
}
