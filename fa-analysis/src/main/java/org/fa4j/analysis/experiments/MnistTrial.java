package org.fa4j.analysis.experiments;

import java.util.SplittableRandom;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * One training run of the 784-1000-10 logistic network on an image set (PAPER.md §2.3): test (or validation) error
 * after every epoch, and the angle Δh_FA∡Δh_BP on a probe batch at regular points.
 *
 * @param errors        evaluation error (fraction) before learning and after each epoch
 * @param angleExamples examples seen at each angle measurement
 * @param angleMean     mean angle over the probe batch (degrees), empty if the rule has no feedback matrix
 * @param angleSd       its standard deviation over the probe batch
 * @param initialW0     the first layer's weights before learning (hidden × 784), or null unless asked
 * @param finalW0       the first layer's weights after learning, or null unless asked
 */
record MnistTrial(double[] errors, double[] angleExamples, double[] angleMean, double[] angleSd, float[] initialW0, float[] finalW0) {

    static final int HIDDEN = 1000;
    static final float WEIGHT_DECAY = 1e-6f;
    static final float KP_DECAY = 0.01f;
    static final double SPARSITY = 0.5;

    double finalError() {
        return errors[errors.length - 1];
    }

    static MnistTrial run(ImageSet train, ImageSet eval, MlpRule rule, Schedule s, double omega, double beta, long seed,
                          int trial, int hidden, boolean keepWeights, Progress progress) {
        Linalg la = Linalg.defaults().withThreads(1);
        int f = train.features();
        FloatMlp net = new FloatMlp(new int[] {f, hidden, 10}, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, rule, la);
        net.init(Seeds.random(seed, "mnist-forward", trial), Seeds.random(seed, "mnist-B", trial), omega, beta, SPARSITY);
        float[] w0Initial = keepWeights ? net.w[0].toArray() : null;
        // Angle probe: the first 100 evaluation images (never trained on).
        int probeN = Math.min(100, eval.size());
        Matrix probeX = Matrix.wrap(eval.pixels(), 0, probeN, f, f).copy();
        Matrix probeY = oneHot(eval.labels(), 0, probeN);
        boolean angles = rule.usesFeedbackMatrix() || rule == MlpRule.SIGN_SYMMETRY;
        int m = s.batch();
        int stepsPerEpoch = train.size() / m;
        int angleEvery = Math.max(1, stepsPerEpoch / 10);
        int points = s.epochs() * (stepsPerEpoch / angleEvery) + 1;
        double[] ax = new double[angles ? points : 0];
        double[] am = new double[ax.length];
        double[] as = new double[ax.length];
        int ap = 0;
        if (angles) {
            double[] a = net.angleToBackprop(probeX, probeY);
            am[0] = a[0];
            as[0] = a[1];
            ap = 1;
        }
        double[] errors = new double[s.epochs() + 1];
        errors[0] = net.errorRate(eval);
        Matrix xb = Matrix.zeros(m, f);
        Matrix yb = Matrix.zeros(m, 10);
        int[] order = new int[train.size()];
        long seen = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            shuffle(order, Seeds.random(seed, "mnist-order", trial * 10_000 + epoch));
            for (int step = 0; step < stepsPerEpoch; step++) {
                yb.fill(0f);
                for (int i = 0; i < m; i++) {
                    int idx = order[step * m + i];
                    System.arraycopy(train.pixels(), idx * f, xb.array(), i * f, f);
                    yb.set(i, train.labels()[idx], 1f);
                }
                net.step(xb, yb, s.eta(), WEIGHT_DECAY, KP_DECAY);
                seen += m;
                if (angles && (step + 1) % angleEvery == 0 && ap < points) {
                    double[] a = net.angleToBackprop(probeX, probeY);
                    ax[ap] = seen;
                    am[ap] = a[0];
                    as[ap++] = a[1];
                }
                if (progress != null && (step + 1) % 100 == 0) {
                    progress.step(100L * m);
                }
            }
            if (progress != null) {
                progress.step((long) (stepsPerEpoch % 100) * m);
            }
            errors[epoch + 1] = net.errorRate(eval);
        }
        return new MnistTrial(errors, java.util.Arrays.copyOf(ax, ap), java.util.Arrays.copyOf(am, ap), java.util.Arrays.copyOf(as, ap),
                w0Initial, keepWeights ? net.w[0].toArray() : null);
    }

    static Matrix oneHot(int[] labels, int from, int n) {
        Matrix y = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            y.set(i, labels[from + i], 1f);
        }
        return y;
    }

    private static void shuffle(int[] order, SplittableRandom r) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
