package org.fa4j.bench;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/** The element-wise kernels of a training step on a 100×1000 batch of hidden activations (time per call). */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class ElementwiseBench extends MicroBench {

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
    public Matrix logistic() {
        la.logistic(a, out);
        return out;
    }

    @Benchmark
    public Matrix tanh() {
        la.tanh(a, out);
        return out;
    }

    @Benchmark
    public Matrix relu() {
        la.relu(a, out);
        return out;
    }

    @Benchmark
    public Matrix logisticDerivative() {
        la.logisticDerivative(a, out);
        return out;
    }

    @Benchmark
    public Matrix tanhDerivative() {
        la.tanhDerivative(a, out);
        return out;
    }

    @Benchmark
    public Matrix reluDerivative() {
        la.reluDerivative(a, out);
        return out;
    }

    @Benchmark
    public Matrix hadamard() {
        la.hadamard(a, b, out);
        return out;
    }

    @Benchmark
    public Matrix sub() {
        la.sub(a, b, out);
        return out;
    }

    @Benchmark
    public Matrix axpy() {
        la.axpy(1e-7f, a, out);
        return out;
    }

    @Benchmark
    public Matrix scale() {
        la.scale(1f, out);
        return out;
    }

    @Benchmark
    public Matrix addRowVector() {
        la.addRowVector(out, bias);
        return out;
    }

    @Benchmark
    public Matrix columnSums() {
        la.columnSums(a, sums);
        return sums;
    }

    @Benchmark
    public int[] argmaxRows() {
        la.argmaxRows(a, arg);
        return arg;
    }

    @Benchmark
    public float dot() {
        return la.dot(a, b);
    }

    @Benchmark
    public float squaredNorm() {
        return la.squaredNorm(a);
    }
}
