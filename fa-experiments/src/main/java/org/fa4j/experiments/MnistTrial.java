package org.fa4j.experiments;

import java.util.Arrays;
import org.fa4j.core.Activation;
import org.fa4j.core.BatchScaling;
import org.fa4j.core.Diagnostics;
import org.fa4j.core.EpochSummary;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.LayerSpec;
import org.fa4j.core.LearningRateSchedule;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Saturation;
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
 * {@link Trainer}: test (or validation) error after every epoch, and the angle Δh_FA∡Δh_BP on a probe batch and the
 * top layer's W∡Bᵀ at regular points.
 *
 * @param errors        evaluation error (fraction) before learning and after each epoch
 * @param angleExamples examples seen at each angle measurement
 * @param angleMean     mean angle over the probe batch (degrees), empty if the rule has no feedback matrix
 * @param angleSd       its standard deviation over the probe batch
 * @param angleWeights  the top layer's W∡Bᵀ ({@link Diagnostics#weightAngle}) at each angle measurement
 * @param initialW0     the first layer's weights before learning (hidden × 784), or null unless asked
 * @param finalW0       the first layer's weights after learning, or null unless asked
 * @param saturation    the dead-unit diagnostic: after learning, the share of hidden and of output units whose
 *                      derivative is below {@link #SATURATED} on every one of the first 1000 training images (all of
 *                      them seen in the last epoch; a stuck run's signature)
 */
record MnistTrial(double[] errors, double[] angleExamples, double[] angleMean, double[] angleSd, double[] angleWeights,
                  float[] initialW0, float[] finalW0, Saturation saturation) {

    static final int HIDDEN = 1000;
    static final double WEIGHT_DECAY = 1e-6;
    /** The derivative f'(a) below which a unit counts as saturated (logistic: within 1e-3 of 0 or 1). */
    static final double SATURATED = 1e-3;
    /**
     * The share of output units saturated on every diagnostic image above which a run is flagged as stuck: any, since
     * with one output unit per class a unit that stays saturated loses its class (about 10 points of error on MNIST).
     */
    static final double STUCK_OUTPUT_SHARE = 0;

    double finalError() {
        return errors[errors.length - 1];
    }

    /** True when an output unit is saturated on every diagnostic image: the run sits on a plateau it cannot leave. */
    boolean stuck() {
        return saturation.outputShare() > STUCK_OUTPUT_SHARE;
    }

    /** The network: inputs-hidden-10, logistic hidden and output units with biases, W ~ U[-ω, ω] in both layers, squared error. */
    static NetworkSpec spec(int inputs, int hidden, double omega, MnistRule rule) {
        return spec(inputs, hidden, MnistInit.shared(omega, 1), rule);
    }

    /**
     * As {@link #spec(int, int, double, MnistRule)} with the output layer at its own scale: W0 ~ U[-ω, ω],
     * W ~ U[-ω_out, ω_out] (the same draws as at ω, scaled; fa-core's per-layer initialiser).
     */
    static NetworkSpec spec(int inputs, int hidden, MnistInit init, MnistRule rule) {
        LayerSpec out = new LayerSpec(10, Activation.logistic(), true, rule.outputSparsity());
        return NetworkSpec.newBuilder(inputs)
                .layer(hidden, Activation.logistic())
                .layer(init.outputOmega() == init.omega() ? out : out.withInit(Init.uniform(init.outputOmega())))
                .init(Init.uniform(init.omega()))
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

    /**
     * Trains {@code rule} on {@code train} with schedule {@code s} from the scales {@code init} (trial {@code trial} of
     * master seed {@code seed}, weight decay {@link #WEIGHT_DECAY}) and evaluates on {@code eval} after every epoch.
     */
    static MnistTrial run(Dataset train, Dataset eval, MnistRule rule, MnistSchedule s, MnistInit init, long seed,
                          int trial, int hidden, boolean keepWeights, Progress progress) {
        return run(train, eval, rule, s, init, seed, trial, hidden, keepWeights, progress, WEIGHT_DECAY);
    }

    /** As above with the configured weight decay {@code alpha} (Kolen–Pollack's λ is the rule's own). */
    static MnistTrial run(Dataset train, Dataset eval, MnistRule rule, MnistSchedule s, MnistInit init, long seed,
                          int trial, int hidden, boolean keepWeights, Progress progress, double alpha) {
        Linalg la = Linalg.defaults().withThreads(1);
        // Every rule of a trial shares the model seed (the same draws for the forward W, scaled by the rule's ω; a new B per
        // trial) and the data-order seed.
        Model model = Model.create(spec(train.inputSize(), hidden, init, rule), rule.create(init.omega(), init.beta()),
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
        double[] aw = new double[ax.length];
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
                double error = Evaluation.of(model, eval.inputs(), eval.targets(), la).errorRate();
                errors[e.epoch()] = error; // epochs count from 1; errors[0] is before training
                if (progress != null) {
                    progress.event(progressEvent(rule, s, init, trial, e.epoch(), error));
                }
            }

            private void record(long seen) {
                double[] a = angleToBackprop(model, probeX, probeY, la);
                ax[ap[0]] = seen;
                am[ap[0]] = a[0];
                aw[ap[0]] = Diagnostics.weightAngle(model, model.depth() - 1);
                as[ap[0]++] = a[1];
            }
        }).build();
        trainer.fit(train.inputs(), train.targets());
        long total = trainer.steps();
        if (angles && ap[0] < points && (ap[0] == 0 || ax[ap[0] - 1] < total * m) && total % angleEvery == 0) {
            double[] a = angleToBackprop(model, probeX, probeY, la);
            ax[ap[0]] = total * m;
            am[ap[0]] = a[0];
            aw[ap[0]] = Diagnostics.weightAngle(model, model.depth() - 1);
            as[ap[0]++] = a[1];
        }
        int n = ap[0];
        Saturation saturation = Saturation.measure(model, train.inputs().rows(0, Math.min(1000, train.size())), SATURATED, la);
        return new MnistTrial(errors, Arrays.copyOf(ax, n), Arrays.copyOf(am, n), Arrays.copyOf(as, n), Arrays.copyOf(aw, n),
                w0Initial, keepWeights ? model.weights(0).toArray() : null, saturation);
    }

    /**
     * The progress line of an epoch: the rule and the trial (a validation search run names its scales, η and seed instead), the
     * epoch of the schedule's count, and the error on the evaluation set.
     */
    static String progressEvent(MnistRule rule, MnistSchedule s, MnistInit init, int trial, int epoch, double error) {
        boolean search = trial >= MnistExperiment.SEARCH_TRIAL;
        String run = search ? "search ω=" + init.omega() + " ω_out=" + init.outputOmega() + " β=" + init.beta() + " η=" + s.eta()
                + " seed " + (trial - MnistExperiment.SEARCH_TRIAL + 1) : s.name() + " trial " + (trial + 1);
        return String.format(java.util.Locale.ROOT, "%s %s, epoch %d of %d: %s error %.2f%%", rule.id, run, epoch, s.epochs(),
                search ? "validation" : "test", 100 * error);
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
