package org.fa4j.analysis.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/** Runs a {@link TrainConfig}: trains, evaluates on the test set every epoch, writes {@code train-<rule>.json}. */
public final class TrainRun {
    private TrainRun() {
    }

    /** Trains as configured and writes the result to {@code options.out()}. */
    public static Result run(TrainConfig c, RunOptions o) {
        Result res = new Result("train-" + c.dataset() + "-" + c.rule());
        res.config("trainConfig", c);
        res.seed("master", c.seed());
        ImageSet train = ImageSet.load(o.dataDir().resolve(c.dataset()), "train");
        ImageSet test = ImageSet.load(o.dataDir().resolve(c.dataset()), "t10k");
        int[] sizes = new int[c.hiddenSizes().size() + 2];
        sizes[0] = train.features();
        for (int i = 0; i < c.hiddenSizes().size(); i++) {
            sizes[i + 1] = c.hiddenSizes().get(i);
        }
        sizes[sizes.length - 1] = 10;
        MlpRule rule = MlpRule.of(c.rule());
        FloatMlp.Act hidden = FloatMlp.Act.valueOf(c.hidden().toUpperCase(java.util.Locale.ROOT));
        FloatMlp.Act output = FloatMlp.Act.valueOf(c.output().toUpperCase(java.util.Locale.ROOT));
        int steps = train.size() / c.batch();
        List<double[]> curves = new ArrayList<>();
        try (Progress p = Progress.start("train " + c.rule(), (long) c.trials() * c.epochs() * steps * c.batch(), o.quiet())) {
            for (int t = 0; t < c.trials(); t++) {
                FloatMlp net = new FloatMlp(sizes, hidden, output, rule, Linalg.defaults().withThreads(o.threads()));
                net.init(Seeds.random(c.seed(), "train-forward", t), Seeds.random(c.seed(), "train-B", t), c.omega(), c.beta(),
                        MnistTrial.SPARSITY);
                double[] err = new double[c.epochs() + 1];
                err[0] = net.errorRate(test);
                int f = train.features();
                Matrix xb = Matrix.zeros(c.batch(), f);
                Matrix yb = Matrix.zeros(c.batch(), 10);
                int[] order = new int[train.size()];
                for (int e = 0; e < c.epochs(); e++) {
                    SplittableRandom r = Seeds.random(c.seed(), "train-order", t * 10_000 + e);
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = r.nextInt(i + 1);
                        int tmp = order[i];
                        order[i] = order[j];
                        order[j] = tmp;
                    }
                    for (int s = 0; s < steps; s++) {
                        yb.fill(0f);
                        for (int i = 0; i < c.batch(); i++) {
                            int idx = order[s * c.batch() + i];
                            System.arraycopy(train.pixels(), idx * f, xb.array(), i * f, f);
                            yb.set(i, train.labels()[idx], 1f);
                        }
                        net.step(xb, yb, (float) c.eta(), (float) c.weightDecay(), MnistTrial.KP_DECAY);
                        p.step(c.batch());
                    }
                    err[e + 1] = net.errorRate(test);
                    // A partial result after every epoch, so a long run that is stopped still leaves its curve.
                    res.metric("testErrorPerEpoch_trial" + t, java.util.Arrays.copyOf(err, e + 2));
                    res.summary("progress", "trial " + (t + 1) + " of " + c.trials() + ", epoch " + (e + 1) + " of " + c.epochs()
                            + ", test error " + String.format("%.2f%%", 100 * err[e + 1]));
                    res.write(o.out());
                }
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
