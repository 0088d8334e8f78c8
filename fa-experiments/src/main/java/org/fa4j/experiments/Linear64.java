package org.fa4j.experiments;

import org.fa4j.analysis.Mat64;

/** Small double-precision linear algebra: pseudoinverse-times-vector and angles (PAPER.md §1.4). */
final class Linear64 {
    private Linear64() {
    }

    /**
     * {@code W⁺ e} for a full-rank {@code m × n} matrix W (row-major): {@code Wᵀ (W Wᵀ)⁻¹ e} when m ≤ n,
     * {@code (WᵀW)⁻¹ Wᵀ e} otherwise. Returns null when the Gram matrix is numerically singular.
     */
    static double[] pinvTimes(double[] w, int m, int n, double[] e) {
        if (m <= n) {
            double[] g = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += w[i * n + k] * w[j * n + k];
                    }
                    g[i * m + j] = s;
                    g[j * m + i] = s;
                }
            }
            double[] z = solve(g, m, e.clone());
            if (z == null) {
                return null;
            }
            double[] out = new double[n];
            Mat64.multTrans(w, m, n, z, out);
            return out;
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += w[k * n + i] * w[k * n + j];
                }
                g[i * n + j] = s;
                g[j * n + i] = s;
            }
        }
        double[] wte = new double[n];
        Mat64.multTrans(w, m, n, e, wte);
        return solve(g, n, wte);
    }

    /** Solves {@code A x = b} in place by Gaussian elimination with partial pivoting; null if singular. */
    static double[] solve(double[] a, int n, double[] b) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            return null;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) {
                    p = r;
                }
            }
            if (Math.abs(a[p * n + c]) <= 1e-13 * scale) {
                return null;
            }
            if (p != c) {
                for (int k = 0; k < n; k++) {
                    double t = a[c * n + k];
                    a[c * n + k] = a[p * n + k];
                    a[p * n + k] = t;
                }
                double t = b[c];
                b[c] = b[p];
                b[p] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] / a[c * n + c];
                if (f != 0) {
                    for (int k = c; k < n; k++) {
                        a[r * n + k] -= f * a[c * n + k];
                    }
                    b[r] -= f * b[c];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r * n + k] * b[k];
            }
            b[r] = s / a[r * n + r];
        }
        return b;
    }

    /**
     * The paper's angle θ = acos(|aᵀb| / (‖a‖‖b‖)) in degrees, in [0°, 90°] (PAPER.md §1.4); NaN if either is zero
     * or null.
     */
    static double angleDegrees(double[] a, double[] b) {
        if (a == null || b == null) {
            return Double.NaN;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        double c = Math.min(1, Math.abs(ab) / Math.sqrt(aa * bb));
        return Math.toDegrees(Math.acos(c));
    }
}
