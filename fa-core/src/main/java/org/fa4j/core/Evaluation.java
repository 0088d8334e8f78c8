package org.fa4j.core;

import java.util.Objects;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * How well a model fits a data set. With {@code e_i = y*_i − y_i} over the {@code n} examples:
 * <ul>
 *   <li>{@code accuracy}: fraction of examples whose largest output is at the target's largest entry (one-hot
 *       classification; first index on ties); {@link #errorRate()} is {@code 1 − accuracy}, the paper's "% error";</li>
 *   <li>{@code confusion.get(t, p)}: examples of target class {@code t} predicted as {@code p};</li>
 *   <li>{@code sumSquaredError} {@code = Σ_i ‖e_i‖²};</li>
 *   <li>{@code nse}, the normalised squared error {@code Σ_i ‖y*_i − y_i‖² / Σ_i ‖y*_i‖²} (PAPER §1.5; it is ≈ 1 for an
 *       untrained net whose outputs are ≈ 0);</li>
 *   <li>{@code mse} {@code = Σ_i ‖e_i‖² / (n · outputs)}, the mean over examples and outputs.</li>
 * </ul>
 * Sums are accumulated in float64. Immutable, and equal to another evaluation with the same numbers and counts.
 *
 * @param count           number of examples
 * @param accuracy        fraction classified correctly
 * @param confusion       confusion matrix, {@code outputs × outputs}, rows = target class; its total is {@code count}
 * @param sumSquaredError {@code Σ ‖y* − y‖²}
 * @param nse             {@code Σ ‖y* − y‖² / Σ ‖y*‖²}
 * @param mse             {@code Σ ‖y* − y‖² / (n · outputs)}
 */
public record Evaluation(int count, double accuracy, ConfusionMatrix confusion, double sumSquaredError, double nse, double mse) {

    /** Rejects a missing confusion matrix and one whose total is not {@code count}. */
    public Evaluation {
        Objects.requireNonNull(confusion, "confusion");
        if (confusion.total() != count) {
            throw new IllegalArgumentException("the confusion matrix counts " + confusion.total() + " examples; expected count = "
                    + count);
        }
    }

    /** Evaluates {@code model} on the rows of {@code inputs} against {@code targets}. */
    public static Evaluation of(Model model, Matrix inputs, Matrix targets, Linalg linalg) {
        int n = inputs.rows();
        int k = model.spec().outputs();
        if (targets.rows() != n || targets.cols() != k || n == 0) {
            throw new IllegalArgumentException("targets are " + targets.shape() + ", inputs " + inputs.shape() + "; need " + n + "x" + k
                    + " targets and at least one example");
        }
        Matrix y = model.predict(inputs, linalg);
        int[] pred = new int[n];
        int[] truth = new int[n];
        linalg.argmaxRows(y, pred);
        linalg.argmaxRows(targets, truth);
        int[][] confusion = new int[k][k];
        int correct = 0;
        double sse = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            confusion[truth[i]][pred[i]]++;
            if (truth[i] == pred[i]) {
                correct++;
            }
            for (int j = 0; j < k; j++) {
                double t = targets.get(i, j);
                double e = t - y.get(i, j);
                sse += e * e;
                norm += t * t;
            }
        }
        return new Evaluation(n, (double) correct / n, ConfusionMatrix.of(confusion), sse, sse / norm, sse / ((double) n * k));
    }

    /** {@code 1 − accuracy}. */
    public double errorRate() {
        return 1 - accuracy;
    }
}
