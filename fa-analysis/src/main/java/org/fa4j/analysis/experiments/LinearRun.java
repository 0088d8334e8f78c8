package org.fa4j.analysis.experiments;

import java.util.SplittableRandom;

/**
 * One online run of a 30-20-10 linear network on {@link LinearTask}: the test NSE every {@code recordEvery} examples
 * and, if asked, the per-example angles Δh_FA∡Δh_BP and Δh_FA∡Δh_PBP (PAPER.md §1.4).
 *
 * @param examples the x-axis (examples seen) of the NSE record
 * @param nse      test NSE at each record point (index 0 is before learning)
 * @param angleBp  per-example angle FA∡BP in degrees (empty unless asked)
 * @param anglePbp per-example angle FA∡PBP in degrees (empty unless asked)
 */
record LinearRun(double[] examples, double[] nse, double[] angleBp, double[] anglePbp) {

    static LinearRun run(LinearTask task, Net64.Rule rule, double eta, double npSigma, double omega, double beta,
                         long seed, int trial, int steps, int recordEvery, boolean angles, boolean pbp) {
        Net64 net = new Net64(new int[] {LinearTask.IN, LinearTask.HIDDEN, LinearTask.OUT}, Net64.Activation.LINEAR, false);
        net.initForward(Seeds.random(seed, "task1-forward", trial), omega);
        net.initFeedback(Seeds.random(seed, "task1-B", trial), beta);
        SplittableRandom noise = Seeds.random(seed, "task1-np-noise", trial);
        int records = steps / recordEvery + 1;
        double[] xs = new double[records];
        double[] nse = new double[records];
        double[] aBp = new double[angles ? steps : 0];
        double[] aPbp = new double[pbp ? steps : 0];
        nse[0] = task.testNse(net);
        int r = 1;
        for (int s = 0; s < steps; s++) {
            int i = s % task.trainX.length;
            net.forward(task.trainX[i]);
            net.error(task.trainY[i]);
            if (angles || pbp) {
                double[] fa = net.hiddenSignalFeedback();
                if (angles) {
                    aBp[s] = Linear64.angleDegrees(fa, net.hiddenSignalBackprop());
                }
                if (pbp) {
                    aPbp[s] = Linear64.angleDegrees(fa, net.hiddenSignalPseudoBackprop());
                }
            }
            net.update(rule, eta, npSigma, noise, task.trainY[i]);
            if ((s + 1) % recordEvery == 0 && r < records) {
                xs[r] = s + 1;
                double v = task.testNse(net);
                nse[r++] = Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
                if (!Double.isFinite(v) || v > 1e6) { // diverged: the rest of the curve is infinite
                    for (; r < records; r++) {
                        xs[r] = (double) r * recordEvery;
                        nse[r] = Double.POSITIVE_INFINITY;
                    }
                    break;
                }
            }
        }
        return new LinearRun(xs, nse, aBp, aPbp);
    }

    /**
     * The number of examples after which the test NSE is still above {@code floor} (1e-20: e is then far above
     * double rounding, so angles measured on it are meaningful); all steps if it never falls below.
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
}
