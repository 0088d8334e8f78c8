package org.fa4j.analysis.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fa4j.core.Activation;
import org.fa4j.core.EpochSummary;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.LayerSpec;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.StepContext;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingListener;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.TrainTest;
import org.fa4j.simd.Linalg;

/** Runs a {@link TrainConfig} on fa-core's {@link Model} and {@link Trainer}: trains, evaluates on the test set every epoch, writes {@code train-<rule>.json}. */
public final class TrainRun {
    private TrainRun() {
    }

    /** Trains as configured ({@code --epochs} overrides the file's epochs) and writes the result to {@code options.out()}. */
    public static Result run(TrainConfig config, RunOptions o) {
        TrainConfig withEpochs = o.epochs() > 0 ? config.withEpochs(o.epochs()) : config; // --epochs overrides the file
        TrainConfig c = o.trials() > 0 ? withEpochs.withTrials(o.trials()) : withEpochs;  // and so does --trials
        Result res = new Result("train-" + c.dataset() + "-" + c.rule());
        res.config("trainConfig", c);
        res.seed("master", c.seed());
        TrainTest data;
        try {
            data = Mnist.load(o.dataDir().resolve(c.dataset()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + c.dataset() + " from " + o.dataDir().resolve(c.dataset())
                    + ": " + e.getMessage() + " (run ./fa4j fetch-data first)", e);
        }
        Dataset train = data.train();
        Dataset test = data.test();
        MnistRule rule = MnistRule.of(c.rule());
        NetworkSpec.Builder sb = NetworkSpec.newBuilder(train.inputSize());
        Activation hidden = Activation.named(c.hidden());
        for (int h : c.hiddenSizes()) {
            sb.layer(h, hidden);
        }
        NetworkSpec spec = sb.layer(new LayerSpec(10, c.output().equals("linear") ? Activation.identity() : Activation.named(c.output()),
                        true, rule.outputSparsity()))
                .init(Init.uniform(c.omega())).build();
        res.choice("update", "fa-core sums the batch; the config's η and α are per-batch-mean values, so fa-core runs with η/batch and "
                + "α·batch: W ← (1 − ηα)W + (η/batch)·Σ_batch δhᵀ; with schedule '" + c.schedule() + "' η is η_t of fa-core's "
                + "LearningRateSchedule, per update.");
        Linalg la = Linalg.defaults().withThreads(o.threads());
        List<double[]> curves = new ArrayList<>();
        try (Progress p = Progress.start("train " + c.rule(), (long) c.trials() * c.epochs() * train.size(), o.quiet())) {
            for (int t = 0; t < c.trials(); t++) {
                int trial = t;
                Model model = Model.create(spec, rule.create(c.omega(), c.beta()), Seeds.derive(c.seed(), "train-model", t));
                double[] err = new double[c.epochs() + 1];
                err[0] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
                TrainingConfig cfg = MnistTrial.config(c.eta(), c.batch(), c.epochs(), rule.weightDecay(c.weightDecay()),
                        Seeds.derive(c.seed(), "train-order", t), c.learningRateSchedule());
                Trainer.newBuilder(model, cfg).linalg(la).listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        p.step(s.batchSize());
                    }

                    @Override
                    public void onEpoch(EpochSummary es) {
                        int e = es.epoch();
                        err[e + 1] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
                        // A partial result after every epoch, so a long run that is stopped still leaves its curve.
                        res.metric("testErrorPerEpoch_trial" + trial, java.util.Arrays.copyOf(err, e + 2));
                        res.summary("progress", "trial " + (trial + 1) + " of " + c.trials() + ", epoch " + (e + 1) + " of " + c.epochs()
                                + ", test error " + String.format("%.2f%%", 100 * err[e + 1]));
                        res.write(o.out());
                    }
                }).build().fit(train.inputs(), train.targets());
                curves.add(err);
            }
        }
        double[] finals = curves.stream().mapToDouble(e -> 100 * e[e.length - 1]).toArray();
        res.metric("testErrorPerEpoch", curves);
        res.summary("testErrorPercent", String.format("%.2f%% ± %.2f (n = %d)", Stats.mean(finals), Stats.sd(finals), finals.length));
        res.summary("testErrorPercentMean", Stats.mean(finals));
        res.write(o.out());
        return res;
    }

    /** Where the result lands. */
    public static Path resultFile(TrainConfig c, RunOptions o) {
        return o.out().resolve("train-" + c.dataset() + "-" + c.rule() + ".json");
    }
}
