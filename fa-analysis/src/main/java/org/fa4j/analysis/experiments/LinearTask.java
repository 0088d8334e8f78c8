package org.fa4j.analysis.experiments;

import java.util.SplittableRandom;

/**
 * Task 1 (PAPER.md §2.1): a fixed random linear target T ~ U[-1, 1]^{10×30}, inputs x ~ N(0, I_30), a data set
 * generated once and learnt in the same order by every algorithm, and a held-out test set for the NSE.
 */
final class LinearTask {
    static final int IN = 30;
    static final int HIDDEN = 20;
    static final int OUT = 10;

    final double[] t;        // 10 x 30
    final double[][] trainX;
    final double[][] trainY;
    final double[][] testX;
    final double[][] testY;
    private final double testTargetEnergy;

    /** The target from {@code seed}; training and test data from the data stream {@code dataStream} of that seed. */
    LinearTask(long seed, int dataStream, int trainSize, int testSize) {
        SplittableRandom r = Seeds.random(seed, "task1-target", 0);
        t = new double[OUT * IN];
        for (int i = 0; i < t.length; i++) {
            t[i] = Seeds.uniform(r, 1.0);
        }
        SplittableRandom d = Seeds.random(seed, "task1-data", dataStream);
        trainX = gaussian(d, trainSize);
        trainY = targets(trainX);
        SplittableRandom dt = Seeds.random(seed, "task1-test", dataStream);
        testX = gaussian(dt, testSize);
        testY = targets(testX);
        double s = 0;
        for (double[] y : testY) {
            for (double v : y) {
                s += v * v;
            }
        }
        testTargetEnergy = s;
    }

    private static double[][] gaussian(SplittableRandom r, int n) {
        double[][] x = new double[n][IN];
        for (double[] row : x) {
            for (int j = 0; j < IN; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    private double[][] targets(double[][] xs) {
        double[][] y = new double[xs.length][OUT];
        for (int i = 0; i < xs.length; i++) {
            Net64.mult(t, OUT, IN, xs[i], y[i]);
        }
        return y;
    }

    /** NSE = Σ‖y* − y‖² / Σ‖y*‖² on the test set (PAPER.md §1.5, first definition: 1 for the zero network). */
    double testNse(Net64 net) {
        double s = 0;
        for (int i = 0; i < testX.length; i++) {
            net.forward(testX[i]);
            s += 2 * net.error(testY[i]);
        }
        return s / testTargetEnergy;
    }
}
