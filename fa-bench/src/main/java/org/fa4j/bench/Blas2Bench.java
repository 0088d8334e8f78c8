package org.fa4j.bench;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The memory-bound kernels of online learning (batch 1) on a 1000×784 weight matrix, next to the yardstick: copying
 * an array of the same size. GB/s = bytes of A moved per call / time: gemv reads A once (3.136 MB), ger reads and
 * writes it (6.272 MB), the copy reads and writes (6.272 MB).
 */
public class Blas2Bench extends MicroBench {

    private final Linalg la = Linalg.newBuilder().threads(1).build();
    private Matrix w;
    private Matrix x;
    private Matrix h;
    private Matrix e;
    private Matrix back;
    private float[] src;
    private float[] dst;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(2);
        w = random(rnd, 1000, 784);
        x = random(rnd, 1, 784);
        h = Matrix.zeros(1, 1000);
        e = random(rnd, 1, 1000);
        back = Matrix.zeros(1, 784);
        src = w.toArray();
        dst = new float[src.length];
    }

    /** h = W·x: forward pass of one example. */
    @Benchmark
    public Matrix gemvN() {
        la.gemv(Op.N, 1f, w, x, 0f, h);
        return h;
    }

    /** back = Wᵀ·e: the error sent back through the weights. */
    @Benchmark
    public Matrix gemvT() {
        la.gemv(Op.T, 1f, w, e, 0f, back);
        return back;
    }

    /** W += -1e-6 · eᵀ x: the rank-1 weight update. */
    @Benchmark
    public Matrix ger() {
        la.ger(-1e-6f, e, x, w);
        return w;
    }

    /** The machine's copy bandwidth for the same 3.136 MB. */
    @Benchmark
    public float[] copy() {
        System.arraycopy(src, 0, dst, 0, src.length);
        return dst;
    }
}
