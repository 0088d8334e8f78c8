package org.fa4j.core;

import java.util.SplittableRandom;

/** Not a test: times SparseKernels on MNIST-like density. */
public final class SparseProbe {
    public static void main(String[] args) {
        int b = 100, in = 784, n = 1000;
        SplittableRandom r = new SplittableRandom(1);
        org.fa4j.simd.Matrix x = org.fa4j.simd.Matrix.zeros(b, in);
        for (int i = 0; i < b; i++) for (int p = 0; p < in; p++) if (r.nextDouble() < 0.19) x.set(i, p, (float) r.nextDouble());
        NetworkSpec spec = NetworkSpec.newBuilder(in).layer(n, Activation.logistic()).layer(10, Activation.logistic()).build();
        Workspace ws = new Workspace(spec, b);
        ws.x.copyFrom(x);
        double dens = ws.compressInput();
        Model m = Model.create(spec, new Backprop(), 1);
        org.fa4j.simd.Linalg la = org.fa4j.simd.Linalg.newBuilder().threads(1).build();
        long nnz = Math.round(dens * b * in);
        for (int round = 0; round < 5; round++) {
            long a0 = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            for (int it = 0; it < 200; it++) ws.sparseForward0(m, la);
            double s = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            for (int it = 0; it < 200; it++) ws.sparseUpdate0(m, la, 1e-9f);
            double s2 = (System.nanoTime() - t1) / 1e9;
            long a1 = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
            System.out.println("bytes per call " + (a1 - a0) / 400.0);
            System.out.printf("density %.3f forward %.1f GFLOP/s (%.3f ms/batch), update %.1f GFLOP/s (%.3f ms/batch)%n", dens,
                    2.0 * nnz * n * 200 / s / 1e9, s / 200 * 1e3, 2.0 * nnz * n * 200 / s2 / 1e9, s2 / 200 * 1e3);
        }
    }
}
