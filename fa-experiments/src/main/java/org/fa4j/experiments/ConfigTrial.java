package org.fa4j.experiments;

import java.util.Arrays;
import java.util.Objects;
import org.fa4j.core.Activation;
import org.fa4j.core.EpochSummary;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.LayerSpec;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingListener;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;

/**
 * One trial of a {@link TrainRunConfig} on data already in memory, as {@link TrainRun} trains its trial {@code index}:
 * the same network, the same model seed {@code Seeds.derive(seed, "train-model", index)} and data-order seed
 * {@code Seeds.derive(seed, "train-order", index)}. A sweep runs each of its trials through here, so a sweep trial
 * with the whole data set gives the curve of {@code fa4j train} with that config.
 *
 * @param testErrorPerEpoch test error (fraction) before training and after each epoch
 * @param trainLossPerEpoch the mean training loss of each epoch
 */
public record ConfigTrial(double[] testErrorPerEpoch, double[] trainLossPerEpoch) {

    /** Copies the arrays, so the value stays immutable. */
    public ConfigTrial {
        testErrorPerEpoch = testErrorPerEpoch.clone();
        trainLossPerEpoch = trainLossPerEpoch.clone();
    }

    @Override
    public double[] testErrorPerEpoch() {
        return testErrorPerEpoch.clone();
    }

    @Override
    public double[] trainLossPerEpoch() {
        return trainLossPerEpoch.clone();
    }

    /**
     * Trains trial {@code index} of {@code c} on {@code train}, evaluating on {@code test} before training and after every
     * epoch, with the kernels of {@code la}. Throws {@link org.fa4j.core.TrainingDivergedException} if training diverges.
     */
    public static ConfigTrial run(TrainRunConfig c, Dataset train, Dataset test, int index, Linalg la) {
        Objects.requireNonNull(c, "config");
        MnistRule rule = MnistRule.of(c.rule());
        NetworkSpec.Builder sb = NetworkSpec.newBuilder(train.inputSize());
        Activation hidden = Activation.named(c.hidden());
        for (int h : c.hiddenSizes()) {
            sb.layer(h, hidden);
        }
        NetworkSpec spec = sb.layer(new LayerSpec(test.targetSize(), c.output().equals("linear") ? Activation.identity()
                        : Activation.named(c.output()), true, rule.outputSparsity()))
                .init(Init.uniform(c.omega())).loss(c.objective()).build();
        Model model = Model.create(spec, rule.create(c.omega(), c.beta()), Seeds.derive(c.seed(), "train-model", index));
        double[] err = new double[c.epochs() + 1];
        double[] loss = new double[c.epochs()];
        err[0] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
        TrainingConfig cfg = MnistTrial.config(c.eta(), c.batch(), c.epochs(), c.weightDecay(),
                Seeds.derive(c.seed(), "train-order", index), c.learningRateSchedule()).toBuilder().batchScaling(c.scaling()).build();
        Trainer.newBuilder(model, cfg).linalg(la).listener(new TrainingListener() {
            @Override
            public void onEpoch(EpochSummary es) {
                err[es.epoch()] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
                loss[es.epoch() - 1] = es.meanLoss();
            }
        }).build().fit(train.inputs(), train.targets());
        return new ConfigTrial(err, loss);
    }

    /** The fields a train config file may leave out, with the value they then take (as {@link TrainRunConfig#read} fills them in). */
    public static java.util.Map<String, String> optionalConfigFields() {
        return TrainRunConfig.OPTIONAL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigTrial t && Arrays.equals(testErrorPerEpoch, t.testErrorPerEpoch)
                && Arrays.equals(trainLossPerEpoch, t.trainLossPerEpoch);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(testErrorPerEpoch) + Arrays.hashCode(trainLossPerEpoch);
    }

    @Override
    public String toString() {
        return "ConfigTrial[testErrorPerEpoch=" + Arrays.toString(testErrorPerEpoch) + ", trainLossPerEpoch="
                + Arrays.toString(trainLossPerEpoch) + "]";
    }
}
