package org.fa4j.bench;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * GEMM on the shapes a 784-1000-10 network trains with at batch 100, and 1024³: the same four products as
 * {@code ../shared/peers/openblas_gemm.py}. Time per call; GFLOP/s is {@code 2·m·n·k / time}
 * ({@code compare-peers.sh} computes it).
 */
public class GemmBench extends MicroBench {

    /** forward X(100,784)·W0(784,1000); backward dH(100,1000)·W0ᵀ; grad Xᵀ·dH; square 1024³. */
    @Param({"forward", "backward", "grad", "square"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private Linalg la;
    private Op opA;
    private Op opB;
    private Matrix a;
    private Matrix b;
    private Matrix c;

    @Setup
    public void setUp() {
        la = Linalg.newBuilder().threads(threads).build();
        SplittableRandom rnd = new SplittableRandom(1);
        int batch = 100;
        switch (shape) {
            case "forward" -> {
                opA = Op.N; opB = Op.N;
                a = random(rnd, batch, 784); b = random(rnd, 784, 1000); c = Matrix.zeros(batch, 1000);
            }
            case "backward" -> {
                opA = Op.N; opB = Op.T;
                a = random(rnd, batch, 1000); b = random(rnd, 784, 1000); c = Matrix.zeros(batch, 784);
            }
            case "grad" -> {
                opA = Op.T; opB = Op.N;
                a = random(rnd, batch, 784); b = random(rnd, batch, 1000); c = Matrix.zeros(784, 1000);
            }
            case "square" -> {
                opA = Op.N; opB = Op.N;
                a = random(rnd, 1024, 1024); b = random(rnd, 1024, 1024); c = Matrix.zeros(1024, 1024);
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
    }

    @Benchmark
    public Matrix gemm() {
        la.gemm(opA, opB, 1f, a, b, 0f, c);
        return c;
    }
}
