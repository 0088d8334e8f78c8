package org.fa4j.analysis.experiments;

import java.util.SplittableRandom;

/**
 * Task 3 (PAPER.md §2.4): a fixed random 30-20-10-10 tanh teacher with biases, inputs x ~ N(0, I_30), a training
 * sequence generated once and 5000 held-out test points for the NSE.
 */
final class NonlinearTask {
    static final int[] TEACHER = {30, 20, 10, 10};

    final double[][] trainX;
    final double[][] trainY;
    final double[][] testX;
    final double[][] testY;
    private final double testEnergy;

    NonlinearTask(long seed, double teacherScale, int trainSize, int testSize) {
        Net64 teacher = new Net64(TEACHER, Net64.Activation.TANH, true);
        teacher.initForward(Seeds.random(seed, "task3-teacher", 0), teacherScale);
        SplittableRandom d = Seeds.random(seed, "task3-data", 0);
        trainX = new double[trainSize][];
        trainY = new double[trainSize][];
        for (int i = 0; i < trainSize; i++) {
            trainX[i] = gaussian(d);
            trainY[i] = teacher.forward(trainX[i]).clone();
        }
        SplittableRandom t = Seeds.random(seed, "task3-test", 0);
        testX = new double[testSize][];
        testY = new double[testSize][];
        double s = 0;
        for (int i = 0; i < testSize; i++) {
            testX[i] = gaussian(t);
            testY[i] = teacher.forward(testX[i]).clone();
            for (double v : testY[i]) {
                s += v * v;
            }
        }
        testEnergy = s;
    }

    private static double[] gaussian(SplittableRandom r) {
        double[] x = new double[TEACHER[0]];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextGaussian();
        }
        return x;
    }

    /** NSE = Σ‖y* − y‖² / Σ‖y*‖² on the 5000 test points. */
    double testNse(Net64 net) {
        double s = 0;
        for (int i = 0; i < testX.length; i++) {
            net.forward(testX[i]);
            s += 2 * net.error(testY[i]);
        }
        return s / testEnergy;
    }
}
