package org.fa4j.simd;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Run in a fresh JVM by {@link JitDeterminismTest}: computes each vector kernel once cold (its first call, run by
 * the interpreter in the Vector API's Java fallback), then calls it {@code WARM} times so C2 compiles it (the JVM
 * is started with {@code -Xbatch}, so compilation finishes before the call returns), then once more, and prints
 * one line per kernel: {@code <name> identical} or {@code <name> DIFFERS ...}; then the bytes 100 more calls of
 * the element-wise and BLAS-2 kernels allocate.
 */
final class JitDeterminismProbe {

    static final int WARM = 20_000;

    private record Case(String name, Supplier<float[]> run) {
    }

    private JitDeterminismProbe() {
    }

    public static void main(String[] args) {
        Linalg la = Linalg.newBuilder().path(KernelPath.VECTOR).threads(1).build();
        Random rnd = new Random(42);
        List<Case> cases = new ArrayList<>();

        float[] grid = new float[1009];
        for (int i = 0; i < 1000; i++) {
            grid[i] = -30f + 60f * i / 999;
        }
        float[] special = {0f, -0f, 1e-30f, -88f, 88f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0.624f};
        System.arraycopy(special, 0, grid, 1000, special.length);
        Matrix in = Matrix.wrap(1, grid.length, grid);
        Matrix out = Matrix.zeros(1, grid.length);
        cases.add(new Case("logistic", () -> {
            la.logistic(in, out);
            return out.toArray();
        }));
        cases.add(new Case("tanh", () -> {
            la.tanh(in, out);
            return out.toArray();
        }));

        Matrix a = random(rnd, 37, 91);
        Matrix xn = random(rnd, 1, 91);
        Matrix xt = random(rnd, 1, 37);
        Matrix yn = Matrix.zeros(1, 37);
        Matrix yt = Matrix.zeros(1, 91);
        cases.add(new Case("gemv N", () -> {
            la.gemv(Op.N, 1.5f, a, xn, 0f, yn);
            return yn.toArray();
        }));
        cases.add(new Case("gemv T", () -> {
            la.gemv(Op.T, 1.5f, a, xt, 0f, yt);
            return yt.toArray();
        }));
        Matrix u = random(rnd, 1, 1000);
        Matrix v = random(rnd, 1, 1000);
        Matrix w = random(rnd, 7, 45).cols(3, 40); // non-contiguous rows
        cases.add(new Case("dot", () -> new float[] {la.dot(u, v)}));
        cases.add(new Case("squaredNorm", () -> new float[] {la.squaredNorm(u), la.squaredNorm(w)}));

        // {m, n, k, opA (0 = N, 1 = T), opB}; the last three exercise the transposed packings (16x16 register
        // transposes when a B panel is full) and k above one k block (C updated block by block, beta != 0).
        int[][] shapes = {{13, 50, 21, 0, 0}, {8, 48, 16, 0, 0}, {3, 97, 5, 0, 0}, {1, 50, 33, 0, 0}, {40, 1, 33, 0, 0},
            {9, 48, 32, 1, 1}, {17, 50, 35, 0, 1}, {10, 20, 300, 1, 0}};
        List<Runnable> gemms = new ArrayList<>();
        for (int[] s : shapes) {
            Op opA = s[3] == 0 ? Op.N : Op.T;
            Op opB = s[4] == 0 ? Op.N : Op.T;
            Matrix ga = opA == Op.N ? random(rnd, s[0], s[2]) : random(rnd, s[2], s[0]);
            Matrix gb = opB == Op.N ? random(rnd, s[2], s[1]) : random(rnd, s[1], s[2]);
            Matrix c0 = random(rnd, s[0], s[1]);
            Matrix gc = Matrix.zeros(s[0], s[1]);
            gemms.add(() -> la.gemm(opA, opB, 0.75f, ga, gb, -0.5f, gc));
            cases.add(new Case("gemm " + opA + opB + " " + s[0] + "x" + s[1] + "x" + s[2], () -> {
                gc.copyFrom(c0);
                la.gemm(opA, opB, 0.75f, ga, gb, -0.5f, gc);
                return gc.toArray();
            }));
        }

        List<float[]> cold = new ArrayList<>();
        for (Case c : cases) {
            cold.add(c.run().get());
        }
        for (Case c : cases) {
            for (int r = 0; r < WARM; r++) {
                c.run().get();
            }
        }
        List<float[]> hot = new ArrayList<>();
        for (Case c : cases) {
            hot.add(c.run().get());
        }
        for (int i = 0; i < cases.size(); i++) {
            System.out.println(cases.get(i).name() + " " + compare(cold.get(i), hot.get(i)));
        }
        // Steady state: the kernels themselves allocate nothing (the cases' toArray copies are measured apart).
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < 100; r++) {
            la.logistic(in, out);
            la.tanh(in, out);
            la.gemv(Op.N, 1.5f, a, xn, 0f, yn);
            la.gemv(Op.T, 1.5f, a, xt, 0f, yt);
            la.dot(u, v);
            la.squaredNorm(w);
        }
        System.out.println("steady-state allocation " + (mx.getCurrentThreadAllocatedBytes() - before) + " bytes");
        // The packed GEMM on every shape above (all four transposes, tails, k over one block): packing buffers are
        // per thread and grown once, so a warm call allocates nothing either.
        for (int i = 0; i < gemms.size(); i++) {
            long b = mx.getCurrentThreadAllocatedBytes();
            for (int r = 0; r < 100; r++) {
                gemms.get(i).run();
            }
            System.out.println("steady-state gemm allocation " + (mx.getCurrentThreadAllocatedBytes() - b) + " bytes in 100 calls of "
                    + cases.get(cases.size() - gemms.size() + i).name());
        }
    }

    private static String compare(float[] cold, float[] hot) {
        int diff = 0;
        int first = -1;
        for (int i = 0; i < cold.length; i++) {
            if (Float.floatToIntBits(cold[i]) != Float.floatToIntBits(hot[i])) {
                diff++;
                first = first < 0 ? i : first;
            }
        }
        if (diff == 0) {
            return "identical";
        }
        return "DIFFERS in " + diff + " of " + cold.length + " elements (first at " + first + ": cold "
                + cold[first] + ", hot " + hot[first] + ")";
    }

    private static Matrix random(Random rnd, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, (float) rnd.nextGaussian());
            }
        }
        return m;
    }
}
