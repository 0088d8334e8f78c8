package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fa4j.core.Activation;
import org.fa4j.core.EpochSummary;
import org.fa4j.core.Evaluation;
import org.fa4j.core.HeapCheck;
import org.fa4j.core.Init;
import org.fa4j.core.LayerSpec;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.StepContext;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.core.TrainingListener;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.Seeds;
import org.fa4j.datasets.TrainTest;
import org.fa4j.datasets.io.IoErrors;
import org.fa4j.simd.Linalg;

/**
 * Runs a {@link TrainRunConfig} exactly as given on fa-core's {@link Model} and {@link Trainer}: trains, evaluates on the
 * test set every epoch and writes {@code <out>/<name>.json}. While it runs, the curve so far is in
 * {@code <name>.partial.json} ({@code "status": "running"}), so a stopped run never leaves a file that looks final; at
 * the end {@code <name>.json} says {@code "status": "complete"} (or {@code "diverged"} with the reason) and the partial
 * file is deleted. Command-line overrides ({@code --epochs}, {@code --trials}, {@code --seed}) are applied to the
 * config before it gets here ({@link TrainRunConfig#withEpochs}, ...).
 */
public final class TrainRun {
    /** The suffix of the file written while a run is in progress. */
    static final String PARTIAL = ".partial";
    /** The pixels of an MNIST or Fashion-MNIST image. */
    private static final int MNIST_INPUTS = 784;
    /** The training and test images of MNIST and Fashion-MNIST. */
    private static final int MNIST_EXAMPLES = 70_000;
    private static final int MNIST_TEST = 10_000;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private TrainRun() {
    }

    /** Called after each epoch's partial file is written (tests look at it there). */
    @FunctionalInterface
    interface EpochHook {
        void afterEpoch(Path partialFile);
    }

    /**
     * The result name of a config file: {@code train-<directory>-<stem>} ({@code configs/mnist-20-epochs/fa.json}
     * gives {@code train-mnist-20-epochs-fa}), so configs of one rule in different directories do not overwrite each
     * other's results. Characters other than letters, digits, '.', '_' and '-' become '_'.
     */
    public static String name(Path configFile) {
        Path abs = configFile.toAbsolutePath().normalize();
        String stem = abs.getFileName().toString();
        if (stem.endsWith(".json")) {
            stem = stem.substring(0, stem.length() - ".json".length());
        }
        Path dir = abs.getParent() == null ? null : abs.getParent().getFileName();
        String name = "train-" + (dir == null ? "" : dir + "-") + stem;
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Where the result of run {@code name} lands. */
    public static Path resultFile(Path out, String name) {
        return out.resolve(name + ".json");
    }

    /** Where run {@code name} keeps its curve while it runs. */
    static Path partialFile(Path out, String name) {
        return out.resolve(name + PARTIAL + ".json");
    }

    /**
     * Trains as configured and writes {@code <out>/<name>.json}; {@code data} holds {@code <dataset>/} with the four
     * IDX files. Throws {@link TrainingDivergedException} after writing the diverged result.
     */
    public static ExperimentResult run(TrainRunConfig c, String name, Path out, Path data, int threads, boolean quiet) {
        return run(c, name, out, data, threads, quiet, partial -> { });
    }

    static ExperimentResult run(TrainRunConfig c, String name, Path out, Path data, int threads, boolean quiet, EpochHook hook) {
        Objects.requireNonNull(c, "config");
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
        check(c, out);
        try {
            return train(c, name, out, data, threads, quiet, hook);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("training " + c.hiddenSizes() + " ran out of Java heap (" + e.getMessage()
                    + "); give Java more memory (-Xmx, e.g. FA4J_JAVA_OPTS=-Xmx8g for ./fa4j) or use smaller layers", e);
        }
    }

    /**
     * Checks, before any data is read or any training starts, that the network of {@code c} fits a Java array per
     * layer and the heap in all (the bytes needed are in the message, which names {@code hiddenSizes}) and that
     * {@code out} is a folder files can be written to (created if absent; the path and the operating system's reason
     * otherwise). Temporary files that killed runs left in {@code out} are removed.
     */
    public static void check(TrainRunConfig c, Path out) {
        long weights = 0;
        long units = 0;
        int in = MNIST_INPUTS;
        List<Integer> sizes = new ArrayList<>(c.hiddenSizes());
        sizes.add(Mnist.CLASSES);
        for (int l = 0; l < sizes.size(); l++) {
            int size = sizes.get(l);
            long w = (long) in * size;
            if (w > MAX_ARRAY) {
                throw new IllegalArgumentException("config field 'hiddenSizes' is " + c.hiddenSizes() + ": layer " + l + " ("
                        + in + " inputs x " + size + " units) has " + w + " weights, more than a Java array holds ("
                        + MAX_ARRAY + "); expected layers with at most " + MAX_ARRAY / in + " units here");
            }
            weights += w;
            units += size;
            in = size;
        }
        // W and B (or a mask) per layer, the test set's activations per layer, and the data set as floats.
        long bytes = 4 * (2 * weights + 2 * MNIST_TEST * units + (long) MNIST_EXAMPLES * (MNIST_INPUTS + Mnist.CLASSES));
        HeapCheck.require(bytes, "config field 'hiddenSizes' " + c.hiddenSizes() + ": the " + MNIST_INPUTS + "-"
                + c.hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining("-")) + "-" + Mnist.CLASSES
                + " network (weights, feedback, activations) with the data set");
        OutputFolder.prepare(out);
    }

    private static ExperimentResult train(TrainRunConfig c, String name, Path out, Path data, int threads, boolean quiet, EpochHook hook) {
        ExperimentResult res = new ExperimentResult(name);
        res.config("trainConfig", c);
        res.seed("master", c.seed());
        TrainTest tt;
        try {
            tt = Mnist.load(data.resolve(c.dataset()));
            res.data(c.dataset(), Mnist.files(data.resolve(c.dataset())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + c.dataset() + " from " + data.resolve(c.dataset())
                    + ": " + IoErrors.describe(e) + " (run ./fa4j fetch-data first)", e);
        }
        Dataset train = tt.train();
        Dataset test = tt.test();
        MnistRule rule = MnistRule.of(c.rule());
        NetworkSpec.Builder sb = NetworkSpec.newBuilder(train.inputSize());
        Activation hidden = Activation.named(c.hidden());
        for (int h : c.hiddenSizes()) {
            sb.layer(h, hidden);
        }
        NetworkSpec spec = sb.layer(new LayerSpec(10, c.output().equals("linear") ? Activation.identity() : Activation.named(c.output()),
                        true, rule.outputSparsity()))
                .init(Init.uniform(c.omega())).loss(c.objective()).build();
        res.choice("update", (c.scaling() == org.fa4j.core.BatchScaling.MEAN
                ? "batchScaling mean: W ← (1 − ηα)W + (η/batch)·Σ_batch δhᵀ"
                : "batchScaling sum: W ← (1 − ηα)W + η·Σ_batch δhᵀ") + "; with schedule '" + c.schedule() + "' η is η_t of fa-core's "
                + "LearningRateSchedule, per update.");
        res.status("running", null);
        Linalg la = Linalg.defaults().withThreads(threads);
        List<double[]> curves = new ArrayList<>();
        Path partial = partialFile(out, name);
        try (Progress p = Progress.start("train " + c.rule(), (long) c.trials() * c.epochs() * train.size(), quiet)) {
            for (int t = 0; t < c.trials(); t++) {
                int trial = t;
                Model model = Model.create(spec, rule.create(c.omega(), c.beta()), Seeds.derive(c.seed(), "train-model", t));
                double[] err = new double[c.epochs() + 1];
                err[0] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
                TrainingConfig cfg = MnistTrial.config(c.eta(), c.batch(), c.epochs(), c.weightDecay(),
                        Seeds.derive(c.seed(), "train-order", t), c.learningRateSchedule()).toBuilder().batchScaling(c.scaling()).build();
                Trainer.newBuilder(model, cfg).linalg(la).listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        p.step(s.batchSize());
                    }

                    @Override
                    public void onEpoch(EpochSummary es) {
                        int e = es.epoch(); // counted from 1; err[0] is before training
                        err[e] = Evaluation.of(model, test.inputs(), test.targets(), la).errorRate();
                        // The curve so far, under a name that cannot be mistaken for the final result.
                        res.metric("testErrorPerEpoch_trial" + trial, java.util.Arrays.copyOf(err, e + 1));
                        res.summary("progress", "trial " + (trial + 1) + " of " + c.trials() + ", epoch " + e + " of " + c.epochs()
                                + ", test error " + String.format(Locale.ROOT, "%.2f%%", 100 * err[e]));
                        hook.afterEpoch(res.write(out, name + PARTIAL));
                        p.event(String.format(java.util.Locale.ROOT, "trial %d of %d, epoch %d of %d: test error %.2f%%", trial + 1,
                                c.trials(), e, c.epochs(), 100 * err[e]));
                    }
                }).build().fit(train.inputs(), train.targets());
                curves.add(err);
            }
        } catch (TrainingDivergedException e) {
            res.status("diverged", e.getMessage());
            finish(res, out, partial);
            throw e;
        }
        double[] finals = curves.stream().mapToDouble(e -> 100 * e[e.length - 1]).toArray();
        res.metric("testErrorPerEpoch", curves);
        res.summary().remove("progress");
        res.summary("testErrorPercent", String.format(Locale.ROOT, "%.2f%% ± %.2f (n = %d)", Stats.mean(finals), Stats.sd(finals), finals.length));
        res.summary("testErrorPercentMean", Stats.mean(finals));
        res.status("complete", null);
        finish(res, out, partial);
        return res;
    }

    /** Writes the final file first, then removes the partial one: at every instant one of them is on disk. */
    private static void finish(ExperimentResult res, Path out, Path partial) {
        res.write(out);
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("wrote " + resultFile(out, res.experiment()) + " but cannot delete " + partial, e);
        }
    }
}
