package org.fa4j.experiments;

import java.util.Arrays;
import org.fa4j.analysis.Mat64;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.LinearTask;
import org.fa4j.simd.Matrix;

/**
 * Task 1's data (PAPER.md §2.1) from fa-datasets' {@link LinearTask}, in the double precision the float64
 * {@link LinearNet64} needs: inputs and T widen exactly from the stored floats and the targets are recomputed as
 * {@code T x} in double, so the float64 data set is exactly consistent (fa-datasets' float targets are these values
 * rounded once). The training rows are split into three consecutive ranges of the same example stream: the run's
 * examples, the η search's examples and the search's validation points; the test set is the task's own.
 *
 * @param task     the library's float task (the fa-core series of Fig. 1 trains on it)
 * @param trainX   the run's training inputs, in the order every algorithm sees them
 * @param trainY   their targets {@code T x}
 * @param searchX  the η search's training inputs (never the test set)
 * @param searchY  their targets
 * @param validX   the η search's validation inputs
 * @param validY   their targets
 * @param testX    held-out test inputs for the NSE
 * @param testY    their targets
 */
record LinearData64(LinearTask task, double[][] trainX, double[][] trainY, double[][] searchX, double[][] searchY,
                    double[][] validX, double[][] validY, double[][] testX, double[][] testY) {
    static final int IN = LinearTask.INPUTS;
    static final int HIDDEN = 20;
    static final int OUT = LinearTask.OUTPUTS;

    /** The task of {@code seed} with the given numbers of run, search and validation examples and test points. */
    static LinearData64 generate(long seed, int steps, int searchSteps, int validation, int test) {
        LinearTask task = LinearTask.generate(seed, steps + searchSteps + validation, test);
        double[] t = flat(task.teacher());
        Dataset tr = task.train();
        double[][] x = widen(tr.inputs());
        double[][] y = targets(t, x);
        int a = steps;
        int b = steps + searchSteps;
        double[][] testX = widen(task.test().inputs());
        return new LinearData64(task, Arrays.copyOfRange(x, 0, a), Arrays.copyOfRange(y, 0, a),
                Arrays.copyOfRange(x, a, b), Arrays.copyOfRange(y, a, b),
                Arrays.copyOfRange(x, b, x.length), Arrays.copyOfRange(y, b, y.length),
                testX, targets(t, testX));
    }

    /** The fa-datasets float training rows of this run (the first {@code trainX.length} rows). */
    Matrix floatTrainInputs() {
        return task.train().inputs().rows(0, trainX.length);
    }

    /** The fa-datasets float training targets of this run. */
    Matrix floatTrainTargets() {
        return task.train().targets().rows(0, trainX.length);
    }

    private static double[][] widen(Matrix m) {
        double[][] out = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    private static double[] flat(Matrix m) {
        double[] out = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i * m.cols() + j] = m.get(i, j);
            }
        }
        return out;
    }

    private static double[][] targets(double[] t, double[][] xs) {
        double[][] y = new double[xs.length][OUT];
        for (int i = 0; i < xs.length; i++) {
            Mat64.mult(t, OUT, IN, xs[i], y[i]);
        }
        return y;
    }

    /** NSE = Σ‖y* − y‖² / Σ‖y*‖² of {@code net} on the given points (PAPER.md §1.5, first definition). */
    static double nse(LinearNet64 net, double[][] xs, double[][] ys) {
        double s = 0;
        double energy = 0;
        for (int i = 0; i < xs.length; i++) {
            net.forward(xs[i]);
            s += 2 * net.error(ys[i]);
            for (double v : ys[i]) {
                energy += v * v;
            }
        }
        return s / energy;
    }

    /** Test NSE. */
    double testNse(LinearNet64 net) {
        return nse(net, testX, testY);
    }
}
