package org.fa4j.experiments;

import java.util.Arrays;
import org.fa4j.core.Activation;
import org.fa4j.core.BatchScaling;
import org.fa4j.core.EpochSummary;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.LayerSpec;
import org.fa4j.core.LearningRateSchedule;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.StepContext;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingListener;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * One training run of the 784-1000-10 logistic network on an image set (PAPER.md §2.3), on fa-core's {@link Model} and
 * {@link Trainer}: test (or validation) error after every epoch, and the angle Δh_FA∡Δh_BP on a probe batch at regular
 * points.
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
    static final double WEIGHT_DECAY = 1e-6;

    double finalError() {
        return errors[errors.length - 1];
    }

    /** The network: inputs-hidden-10, logistic hidden and output units with biases, W ~ U[-ω, ω], squared error. */
    static NetworkSpec spec(int inputs, int hidden, double omega, MnistRule rule) {
        return NetworkSpec.newBuilder(inputs)
                .layer(hidden, Activation.logistic())
                .layer(new LayerSpec(10, Activation.logistic(), true, rule.outputSparsity()))
                .init(Init.uniform(omega))
                .build();
    }

    /** The experiments' SGD: η per update on the batch mean, W ← (1 − η(α + λ))W + (η/m)Σ δhᵀ ({@link BatchScaling#MEAN}). */
    static TrainingConfig config(double eta, int batch, int epochs, double weightDecay, long seed) {
        return config(eta, batch, epochs, weightDecay, seed, LearningRateSchedule.constant());
    }

    /** As {@link #config(double, int, int, double, long)}, with η following {@code decay} per update. */
    static TrainingConfig config(double eta, int batch, int epochs, double weightDecay, long seed, LearningRateSchedule decay) {
        return TrainingConfig.newBuilder().learningRate(eta).weightDecay(weightDecay).batchScaling(BatchScaling.MEAN).batchSize(batch)
                .epochs(epochs).seed(seed).shuffle(true).schedule(decay).build();
    }

    static MnistTrial run(Dataset train, Dataset eval, MnistRule rule, MnistSchedule s, double omega, double beta, long seed,
                          int trial, int hidden, boolean keepWeights, Progress progress) {
        return run(train, eval, rule, s, omega, beta, seed, trial, hidden, keepWeights, progress, WEIGHT_DECAY);
    }

    /** As above with the configured weight decay {@code alpha} (Kolen–Pollack's λ is the rule's own). */
    static MnistTrial run(Dataset train, Dataset eval, MnistRule rule, MnistSchedule s, double omega, double beta, long seed,
                          int trial, int hidden, boolean keepWeights, Progress progress, double alpha) {
        Linalg la = Linalg.defaults().withThreads(1);
        // Every rule of a trial shares the model seed (the same draws for the forward W, scaled by the rule's ω; a new B per
        // trial) and the data-order seed.
        Model model = Model.create(spec(train.inputSize(), hidden, omega, rule), rule.create(omega, beta),
                Seeds.derive(seed, "mnist-model", trial));
        float[] w0Initial = keepWeights ? model.weights(0).toArray() : null;
        // Angle probe: the first 100 evaluation images (never trained on).
        int probeN = Math.min(100, eval.size());
        Matrix probeX = eval.inputs().rows(0, probeN).copy();
        Matrix probeY = eval.targets().rows(0, probeN).copy();
        boolean angles = model.feedback(model.depth() - 1).isPresent();
        int m = s.batch();
        int stepsPerEpoch = train.size() / m;
        int angleEvery = Math.max(1, stepsPerEpoch / 10);
        int points = s.epochs() * (stepsPerEpoch / angleEvery) + 1;
        double[] ax = new double[angles ? points : 0];
        double[] am = new double[ax.length];
        double[] as = new double[ax.length];
        int[] ap = {0};
        double[] errors = new double[s.epochs() + 1];
        errors[0] = Evaluation.of(model, eval.inputs(), eval.targets(), la).errorRate();
        TrainingConfig cfg = config(s.eta(), m, s.epochs(), alpha, Seeds.derive(seed, "mnist-order", trial), s.decay());
        Trainer trainer = Trainer.newBuilder(model, cfg).linalg(la).listener(new TrainingListener() {
            @Override
            public void onStep(StepContext c) {
                long done = c.step() - 1; // updates made so far: the model is as after update `done`
                if (angles && done % angleEvery == 0 && ap[0] < points) {
                    record(done * m);
                }
                if (progress != null) {
                    progress.step(c.batchSize());
                }
            }

            @Override
            public void onEpoch(EpochSummary e) {
                errors[e.epoch()] = Evaluation.of(model, eval.inputs(), eval.targets(), la).errorRate();
            }

            private void record(long seen) {
                double[] a = angleToBackprop(model, probeX, probeY, la);
                ax[ap[0]] = seen;
                am[ap[0]] = a[0];
                as[ap[0]++] = a[1];
            }
        }).build();
        trainer.fit(train.inputs(), train.targets());
        long total = trainer.steps();
        if (angles && ap[0] < points && (ap[0] == 0 || ax[ap[0] - 1] < total * m) && total % angleEvery == 0) {
            double[] a = angleToBackprop(model, probeX, probeY, la);
            ax[ap[0]] = total * m;
            am[ap[0]] = a[0];
            as[ap[0]++] = a[1];
        }
        int n = ap[0];
        return new MnistTrial(errors, Arrays.copyOf(ax, n), Arrays.copyOf(am, n), Arrays.copyOf(as, n),
                w0Initial, keepWeights ? model.weights(0).toArray() : null);
    }

    /**
     * Mean and standard deviation over the probe batch of the angle between the top hidden layer's FA signal
     * Δh_FA = B δ_y and BP signal Δh_BP = Wᵀ δ_y, δ_y = e ∘ σ'(y) (PAPER.md §1.4, |cos|), in degrees.
     */
    static double[] angleToBackprop(Model model, Matrix x, Matrix target, Linalg la) {
        int top = model.depth() - 1;
        Matrix y = model.predict(x, la);
        int m = x.rows();
        Matrix d = Matrix.zeros(m, y.cols());
        la.sub(target, y, d);
        if (!(model.spec().layers().get(top).activation() instanceof Activation.Identity)) {
            Matrix deriv = Matrix.zeros(m, y.cols());
            model.spec().layers().get(top).activation().derivative(la, y, deriv);
            la.hadamard(d, deriv, d);
        }
        Matrix b = model.feedback(top).orElseThrow();          // n_h × 10, the shape of W_topᵀ
        Matrix wt = model.weightsTransposed(top);               // n_h × 10
        Matrix hFa = Matrix.zeros(m, b.rows());
        Matrix hBp = Matrix.zeros(m, wt.rows());
        la.gemm(Op.N, Op.T, 1f, d, b, 0f, hFa);
        la.gemm(Op.N, Op.T, 1f, d, wt, 0f, hBp);
        double[] angles = new double[m];
        for (int i = 0; i < m; i++) {
            double ab = la.dot(hFa.row(i), hBp.row(i));
            double aa = la.squaredNorm(hFa.row(i));
            double bb = la.squaredNorm(hBp.row(i));
            angles[i] = aa == 0 || bb == 0 ? Double.NaN : Math.toDegrees(Math.acos(Math.min(1, Math.abs(ab) / Math.sqrt(aa * bb))));
        }
        return new double[] {Stats.mean(angles), Stats.sd(angles)};
    }
}
