package org.fa4j.bench;

import java.util.SplittableRandom;
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
import org.fa4j.core.rule.NodePerturbation;
import org.fa4j.core.rule.Pseudobackprop;
import org.fa4j.core.rule.Shallow;
import org.fa4j.core.rule.SignSymmetry;
import org.fa4j.core.rule.WeightMirror;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the paper's MNIST network (784-1000-10, logistic, squared error, η = 1e-3,
 * α = 1e-6, ω = 0.05, β = 0.5) at batch 1 and 100. Inputs are MNIST-like: 19% of the 784 entries non-zero (the
 * {@code sparse} layer-0 path), or all non-zero ({@code dense}, the GEMM path). Run with {@code -prof gc}: the goal is
 * {@code gc.alloc.rate.norm} = 0 bytes per step (JMH's own threads add a few kB per second, which shows as a few
 * bytes per step at batch 100). Time per step; one example is ≈ 4.8 MFLOP dense.
 *
 * <p>Warm-up: until C2 has compiled the Vector API kernels they run in the interpreter, where every vector is an
 * object, so a step is far slower and allocates. The 10 warm-up iterations cover C2's compile time on a loaded 2-core
 * machine; fewer ({@code -wi 3}) measure the JIT, not the step (figures in {@code docs/performance.md}).
 *
 * <p>{@code rule} is feedback alignment by default; {@code -p rule=bp,fa,sparse-fa,shallow,pbp,np,dfa,ss,kp,wm} runs
 * every built-in rule, to check that each one's steady-state step allocates nothing.
 *
 * <pre>{@code java -jar fa-bench/target/benchmarks.jar TrainingStepBenchmark -prof gc}</pre>
 */
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@MinimumWarmup(seconds = 20)
public class TrainingStepBenchmark extends MicroBench {

    @Param({"1", "100"})
    public int batch;

    @Param({"sparse", "dense"})
    public String input;

    @Param({"1"})
    public int threads;

    @Param({"VECTOR"})
    public String path;

    @Param({"fa"})
    public String rule;

    private Trainer trainer;
    private Matrix x;
    private Matrix y;

    @Setup
    public void setUp() {
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(1000, Activation.logistic()).layer(10, Activation.logistic())
                .init(Init.uniform(0.05)).build();
        Model model = Model.create(spec, rule(rule), 1);
        trainer = Trainer.newBuilder(model, TrainingConfig.newBuilder().learningRate(1e-3).weightDecay(1e-6).batchSize(batch).build())
                .linalg(Linalg.newBuilder().threads(threads).path(KernelPath.valueOf(path)).build()).build();
        SplittableRandom r = new SplittableRandom(7);
        x = Matrix.zeros(batch, 784);
        y = Matrix.zeros(batch, 10);
        double density = "sparse".equals(input) ? 0.19 : 1.0;
        for (int i = 0; i < batch; i++) {
            for (int p = 0; p < 784; p++) {
                if (r.nextDouble() < density) {
                    x.set(i, p, (float) r.nextDouble());
                }
            }
            y.set(i, r.nextInt(10), 1f);
        }
    }

    /** The built-in rule called {@code id}, with the settings of the MNIST experiments (β 0.5, ω 0.05). */
    static LearningRule rule(String id) {
        return switch (id) {
            case "bp" -> new Backprop();
            case "fa" -> FeedbackAlignment.uniform(0.5);
            case "sparse-fa" -> new FeedbackAlignment(Init.uniform(0.5), 0.5);
            case "shallow" -> new Shallow();
            case "pbp" -> new Pseudobackprop(1);
            case "np" -> new NodePerturbation(1e-3);
            case "dfa" -> DirectFeedbackAlignment.uniform(0.5);
            case "ss" -> SignSymmetry.usf(Init.uniform(0.05));
            case "kp" -> KolenPollack.uniform(0.5).withDecay(1e-5);
            case "wm" -> WeightMirror.uniform(0.5, 1e-4);
            default -> throw new IllegalArgumentException("unknown rule '" + id + "'; expected bp, fa, sparse-fa, shallow, pbp, np, dfa, ss, kp or wm");
        };
    }

    /** One update on the batch; returns the loss so the work cannot be dropped. */
    @Benchmark
    public double step() {
        return trainer.step(x, y);
    }
}
