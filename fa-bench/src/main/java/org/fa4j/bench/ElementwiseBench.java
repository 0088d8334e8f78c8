package org.fa4j.bench;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The element-wise kernels of a training step on a 100×1000 batch of hidden activations (time per call), one
 * {@code kernel} per run: JMH reports each as {@code ElementwiseBench.call} with {@code kernel=<name>}.
 */
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
public class ElementwiseBench extends MicroBench {

    /**
     * The kernels, each named for the {@link Linalg} method it times. The element-wise ones write into the state's
     * matrices, which the JIT cannot drop; the reductions hand their result to the Blackhole.
     */
    public enum Kernel {
        logistic((s, bh) -> s.la.logistic(s.a, s.out)),
        tanh((s, bh) -> s.la.tanh(s.a, s.out)),
        relu((s, bh) -> s.la.relu(s.a, s.out)),
        logisticDerivative((s, bh) -> s.la.logisticDerivative(s.a, s.out)),
        tanhDerivative((s, bh) -> s.la.tanhDerivative(s.a, s.out)),
        reluDerivative((s, bh) -> s.la.reluDerivative(s.a, s.out)),
        hadamard((s, bh) -> s.la.hadamard(s.a, s.b, s.out)),
        sub((s, bh) -> s.la.sub(s.a, s.b, s.out)),
        axpy((s, bh) -> s.la.axpy(1e-7f, s.a, s.out)),
        scale((s, bh) -> s.la.scale(1f, s.out)),
        addRowVector((s, bh) -> s.la.addRowVector(s.out, s.bias)),
        columnSums((s, bh) -> s.la.columnSums(s.a, s.sums)),
        argmaxRows((s, bh) -> s.la.argmaxRows(s.a, s.arg)),
        dot((s, bh) -> bh.consume(s.la.dot(s.a, s.b))),
        squaredNorm((s, bh) -> bh.consume(s.la.squaredNorm(s.a)));

        private final Call call;

        Kernel(Call call) {
            this.call = call;
        }
    }

    private interface Call {
        void run(ElementwiseBench s, Blackhole bh);
    }

    @Param
    public Kernel kernel;

    private final Linalg la = Linalg.newBuilder().threads(1).build();
    private Matrix a;
    private Matrix b;
    private Matrix out;
    private Matrix bias;
    private Matrix sums;
    private int[] arg;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        a = random(rnd, 100, 1000);
        b = random(rnd, 100, 1000);
        out = Matrix.zeros(100, 1000);
        bias = random(rnd, 1, 1000);
        sums = Matrix.zeros(1, 1000);
        arg = new int[100];
    }

    @Benchmark
    public void call(Blackhole bh) {
        kernel.call.run(this, bh);
    }
}
