package org.fa4j.bench;

import java.util.List;
import java.util.Locale;
import org.fa4j.core.Activation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.DirectFeedbackAlignment;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.SignSymmetry;
import org.fa4j.core.rule.WeightMirror;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * Times training epochs of every rule of the family against feedback alignment on MNIST-shaped data
 * (784-1000-10, logistic, squared error; η = 1e-3, ω = 0.05, β = 0.5, inputs 80% zeros like MNIST pixels). Usage:
 * {@code java --add-modules jdk.incubator.vector -cp fa-bench/target/benchmarks.jar org.fa4j.bench.FamilyEpochTiming
 * EXAMPLES BATCH REPEATS [THREADS]}; runs every rule once to warm the JIT up, then prints
 * the best-of-REPEATS seconds per epoch and the ratio to feedback alignment.
 */
public final class FamilyEpochTiming {
    private FamilyEpochTiming() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Matrix x = Seeds.stream(1, "family-timing-inputs").gaussianMatrix(n, 784);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                float v = x.get(i, j);
                x.set(i, j, v > 0.84f ? Math.min(1f, v / 3) : 0f); // ~20% non-zero, in (0, 1]
            }
        }
        Matrix y = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            y.set(i, i % 10, 1f);
        }
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(1000, Activation.logistic()).layer(10, Activation.logistic())
                .init(Init.uniform(0.05)).build();
        Linalg la = Linalg.newBuilder().threads(threads).build();
        List<LearningRule> rules = List.of(FeedbackAlignment.uniform(0.5), new Backprop(), DirectFeedbackAlignment.uniform(0.5),
                SignSymmetry.usf(Init.uniform(0.05)), SignSymmetry.brsf(Init.uniform(0.05)), SignSymmetry.frsf(Init.uniform(0.05)),
                KolenPollack.uniform(0.5), new WeightMirror(Init.uniform(0.5), 1e-3, 1e-3, 1, 1));
        time(rules, spec, x, y, batch, 1, la, false); // warm-up round: the first rule timed would pay for the JIT
        time(rules, spec, x, y, batch, repeats, la, true);
    }

    private static void time(List<LearningRule> rules, NetworkSpec spec, Matrix x, Matrix y, int batch, int repeats, Linalg la,
                             boolean print) {
        int n = x.rows();
        int threads = la.threads();
        double fa = 0;
        for (LearningRule rule : rules) {
            Model m = Model.create(spec, rule, 1);
            Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1e-3).weightDecay(1e-6).batchSize(batch).epochs(1)
                    .seed(1).build()).linalg(la).build();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                t.fit(x, y);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            if (rule instanceof FeedbackAlignment) {
                fa = best;
            }
            if (print) {
                System.out.printf(Locale.ROOT, "%-40s batch %4d threads %d path %s: %.3f s per %d examples, %.2fx FA%n",
                    rule.name() + (rule instanceof SignSymmetry s ? " " + s.variant().id() : ""), batch, threads, la.path(), best, n, best / fa);
            }
        }
    }
}
