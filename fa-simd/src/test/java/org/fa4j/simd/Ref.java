package org.fa4j.simd;

import java.util.SplittableRandom;

/**
 * Independent float64 references and test data for the kernel tests. Nothing here calls the code under test.
 *
 * <p>Tolerance for a sum of k products (GEMM, GEMV, dot): the float result r̂ of {@code alpha·Σ_p a_p b_p + beta·c}
 * satisfies {@code |r̂ − r| ≤ C·(k + 2)·u·(|alpha|·Σ_p |a_p b_p| + |beta c|)} with {@code u = 2^-24}. Reason: any
 * order or blocking of the k multiply-adds (with or without fma) is within {@code γ_k = k u / (1 − k u)} of the
 * exact sum, relative to {@code Σ|a_p b_p|} (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1);
 * scaling by alpha and adding beta·c add two more roundings. We take {@code C = 2}, which covers
 * {@code 1/(1 − k u) ≤ 2} for every k in these tests and the second-order terms. The bound is far below the size of
 * any real bug: dropping or doubling one term of a k-term sum shifts it by about {@code Σ|ab|/k}, i.e. by
 * {@code 1/(2 k² u)} ≈ 10^3 tolerances at k = 70.
 */
final class Ref {
    static final double U = 0x1p-24;

    private Ref() {
    }

    /** A rows×cols matrix of uniform values in [-1, 1]; when {@code view} is set, a window inside a larger array. */
    static Matrix random(SplittableRandom rnd, int rows, int cols, boolean view) {
        if (!view) {
            Matrix m = Matrix.zeros(rows, cols);
            fill(rnd, m);
            return m;
        }
        int padL = 1 + rnd.nextInt(5);
        int stride = cols + padL + rnd.nextInt(7);
        int top = rnd.nextInt(3);
        float[] data = new float[(rows + top + 1) * stride + padL + 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = 1e30f; // sentinels: a kernel that reads outside the view produces huge errors
        }
        Matrix m = Matrix.wrap(data, top * stride + padL, rows, cols, stride);
        fill(rnd, m);
        return m;
    }

    static void fill(SplittableRandom rnd, Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, (float) (rnd.nextDouble() * 2 - 1));
            }
        }
    }

    static double opGet(Op op, Matrix m, int i, int j) {
        return op == Op.N ? m.get(i, j) : m.get(j, i);
    }

    /** Checks every element of the float {@code got} against the float64 reference within the documented bound. */
    static String gemmError(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c0, Matrix got) {
        int m = got.rows();
        int n = got.cols();
        int k = opA == Op.N ? a.cols() : a.rows();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double t = opGet(opA, a, i, p) * opGet(opB, b, p, j);
                    s += t;
                    abs += Math.abs(t);
                }
                double old = beta == 0f ? 0 : beta * (double) c0.get(i, j);
                double ref = alpha * s + old;
                double tol = 2 * (k + 2) * U * (Math.abs(alpha) * abs + Math.abs(old)) + Float.MIN_NORMAL;
                double err = Math.abs(got.get(i, j) - ref);
                if (!(err <= tol)) {
                    return "C(" + i + "," + j + ") = " + got.get(i, j) + ", reference " + ref + ", error " + err + " > tolerance " + tol;
                }
            }
        }
        return null;
    }

    /** True when every element of the backing array outside the window of {@code m} equals {@code before}'s. */
    static boolean outsideUnchanged(Matrix m, float[] before) {
        float[] d = m.array();
        boolean[] inside = new boolean[d.length];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                inside[m.offset() + i * m.stride() + j] = true;
            }
        }
        for (int x = 0; x < d.length; x++) {
            if (!inside[x] && Float.floatToRawIntBits(d[x]) != Float.floatToRawIntBits(before[x])) {
                return false;
            }
        }
        return true;
    }
}
