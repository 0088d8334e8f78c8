package org.fa4j.experiments;

import java.util.SplittableRandom;
import org.fa4j.core.Activation;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * One online run of the linear 30-20-10 network on Task 1 ({@link LinearData64}): the NSE every {@code recordEvery}
 * examples and, if asked, the per-example angles Δh_FA∡Δh_BP and Δh_FA∡Δh_PBP (PAPER.md §1.4). The float64 runs use
 * {@link LinearNet64}; {@link #faCore} trains fa-core's float32 {@link Model} from the same initial weights and B on
 * the same examples in the same order, as a cross-check of the library against the float64 curves.
 *
 * @param examples the x-axis (examples seen) of the NSE record
 * @param nse      NSE at each record point (index 0 is before learning)
 * @param angleBp  per-example angle FA∡BP in degrees (empty unless asked)
 * @param anglePbp per-example angle FA∡PBP in degrees (empty unless asked)
 */
record LinearRun(double[] examples, double[] nse, double[] angleBp, double[] anglePbp) {

    /** The fa-core spec of Task 1: 30-20-10, identity units, no biases, W0, W ~ U[−ω, ω]. */
    static NetworkSpec spec(double omega) {
        return NetworkSpec.newBuilder(LinearData64.IN)
                .layer(LinearData64.HIDDEN, Activation.identity(), false)
                .layer(LinearData64.OUT, Activation.identity(), false)
                .init(Init.uniform(omega)).build();
    }

    /** The seed of trial {@code trial}'s fa-core model (its forward weights and B). */
    static long modelSeed(long seed, int trial) {
        return Seeds.derive(seed, "task1-model", trial);
    }

    /**
     * A float64 network whose W0, W (~U[−ω, ω]) and B (~U[−β, β]) are those fa-core draws for the same seed
     * ({@link Model#create}; floats widen exactly), so the float64 and the fa-core runs start from the same numbers.
     */
    static LinearNet64 initialNet(double omega, double beta, long modelSeed) {
        Model m = Model.create(spec(omega), FeedbackAlignment.uniform(beta), modelSeed);
        LinearNet64 net = new LinearNet64(LinearData64.IN, LinearData64.HIDDEN, LinearData64.OUT);
        copy(m.weights(0), net.w0);
        copy(m.weights(1), net.w);
        copy(m.feedback(1).orElseThrow(), net.b);
        return net;
    }

    private static void copy(Matrix m, double[] to) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                to[i * m.cols() + j] = m.get(i, j);
            }
        }
    }

    /** A float64 run on the task's run examples, with the test NSE. */
    static LinearRun run(LinearData64 d, LinearNet64.Rule rule, double eta, double npSigma, double omega, double beta,
                         long seed, int trial, int steps, int recordEvery, boolean angles, boolean pbp) {
        return run(d.trainX(), d.trainY(), d.testX(), d.testY(), rule, eta, npSigma, omega, beta, seed, trial, steps,
                recordEvery, angles, pbp);
    }

    /** A float64 run on the η search's examples, with the validation NSE. */
    static LinearRun search(LinearData64 d, LinearNet64.Rule rule, double eta, double npSigma, double omega, double beta,
                            long seed, int steps) {
        return run(d.searchX(), d.searchY(), d.validX(), d.validY(), rule, eta, npSigma, omega, beta, seed, 1, steps,
                steps, false, false);
    }

    private static LinearRun run(double[][] xs, double[][] ys, double[][] evalX, double[][] evalY, LinearNet64.Rule rule,
                                 double eta, double npSigma, double omega, double beta, long seed, int trial, int steps,
                                 int recordEvery, boolean angles, boolean pbp) {
        LinearNet64 net = initialNet(omega, beta, modelSeed(seed, trial));
        SplittableRandom noise = Seeds.random(seed, "task1-np-noise", trial);
        int records = steps / recordEvery + 1;
        double[] at = new double[records];
        double[] nse = new double[records];
        double[] aBp = new double[angles ? steps : 0];
        double[] aPbp = new double[pbp ? steps : 0];
        nse[0] = LinearData64.nse(net, evalX, evalY);
        int r = 1;
        for (int s = 0; s < steps; s++) {
            int i = s % xs.length;
            net.forward(xs[i]);
            net.error(ys[i]);
            if (angles || pbp) {
                double[] fa = net.hiddenSignalFeedback();
                if (angles) {
                    aBp[s] = Linear64.angleDegrees(fa, net.hiddenSignalBackprop());
                }
                if (pbp) {
                    aPbp[s] = Linear64.angleDegrees(fa, net.hiddenSignalPseudoBackprop());
                }
            }
            net.update(rule, eta, npSigma, noise, ys[i]);
            if ((s + 1) % recordEvery == 0 && r < records) {
                at[r] = s + 1;
                double v = LinearData64.nse(net, evalX, evalY);
                nse[r++] = Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
                if (!Double.isFinite(v) || v > 1e6) { // diverged: the rest of the curve is infinite
                    r = diverged(at, nse, r, recordEvery);
                    break;
                }
            }
        }
        return new LinearRun(at, nse, aBp, aPbp);
    }

    private static int diverged(double[] at, double[] nse, int r, int recordEvery) {
        for (; r < at.length; r++) {
            at[r] = (double) r * recordEvery;
            nse[r] = Double.POSITIVE_INFINITY;
        }
        return r;
    }

    /**
     * fa-core's float32 {@link Trainer} on the same run examples, in the same order, from the same initial W0, W and B
     * as the float64 run of trial {@code trial} ({@link Model#create} with {@link #modelSeed}), online (batch 1) with
     * η = {@code eta}: backprop if {@code feedbackAlignment} is false. Test NSE by {@link Evaluation#nse()} on
     * fa-datasets' float test set.
     */
    static LinearRun faCore(LinearData64 d, boolean feedbackAlignment, double eta, double omega, double beta, long seed,
                            int trial, int steps, int recordEvery) {
        Model m = Model.create(spec(omega), feedbackAlignment ? FeedbackAlignment.uniform(beta) : new Backprop(),
                modelSeed(seed, trial));
        Linalg la = Linalg.newBuilder().threads(1).build();
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(eta).batchSize(1).shuffle(false).build())
                .linalg(la).build();
        Matrix x = d.floatTrainInputs();
        Matrix y = d.floatTrainTargets();
        Matrix testX = d.task().test().inputs();
        Matrix testY = d.task().test().targets();
        int records = steps / recordEvery + 1;
        double[] at = new double[records];
        double[] nse = new double[records];
        nse[0] = Evaluation.of(m, testX, testY, la).nse();
        int[] order = new int[recordEvery];
        for (int r = 1; r < records; r++) {
            for (int i = 0; i < recordEvery; i++) {
                order[i] = ((r - 1) * recordEvery + i) % x.rows();
            }
            at[r] = (double) r * recordEvery;
            try {
                t.epoch(x, y, order);
            } catch (TrainingDivergedException ex) {
                diverged(at, nse, r, recordEvery);
                break;
            }
            nse[r] = Evaluation.of(m, testX, testY, la).nse();
        }
        return new LinearRun(at, nse, new double[0], new double[0]);
    }

    /**
     * The number of examples after which the NSE is still above {@code floor} (1e-20: e is then far above double
     * rounding, so angles measured on it are meaningful); all steps if it never falls below.
     */
    int meaningfulSteps(double floor) {
        for (int i = 1; i < nse.length; i++) {
            if (nse[i] < floor) {
                return (int) examples[i];
            }
        }
        return (int) examples[examples.length - 1];
    }

    double finalNse() {
        return nse[nse.length - 1];
    }

    /** The lowest NSE on the record: a float32 run's floor. */
    double minNse() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : nse) {
            m = Math.min(m, v);
        }
        return m;
    }
}
