package org.fa4j.experiments;

/** Means, standard deviations, quantiles, paired confidence intervals and sliding windows over double arrays; NaN entries are skipped. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] v) {
        return mean(v, 0, v.length);
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n − 1). */
    static double sd(double[] v) {
        return sd(v, 0, v.length);
    }

    static double sd(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                s += (v[i] - m) * (v[i] - m);
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(s / (n - 1));
    }

    /**
     * Sliding-window mean and standard deviation of {@code v} over windows of {@code window} consecutive entries,
     * sampled every {@code every} entries: {mean[], sd[], indexOfWindowEnd[]}.
     */
    static double[][] slidingWindow(double[] v, int window, int every) {
        int n = Math.max(0, (v.length - window) / every + 1);
        double[] m = new double[n];
        double[] s = new double[n];
        double[] at = new double[n];
        for (int k = 0; k < n; k++) {
            int from = k * every;
            m[k] = mean(v, from, from + window);
            s[k] = sd(v, from, from + window);
            at[k] = from + window;
        }
        return new double[][] {m, s, at};
    }

    /** Column-wise mean over rows of equal length. */
    static double[] meanRows(double[][] rows) {
        double[] out = new double[rows[0].length];
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (double[] r : rows) {
                s += r[j];
            }
            out[j] = s / rows.length;
        }
        return out;
    }

    static double[] last(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][rows[i].length - 1];
        }
        return out;
    }

    /**
     * The {@code q}-quantile (0 ≤ q ≤ 1) of the non-NaN entries of {@code v}, linearly interpolated between order
     * statistics (the usual "type 7" definition, NumPy's default); NaN if there are none.
     */
    static double quantile(double[] v, double q) {
        double[] x = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (x.length == 0) {
            return Double.NaN;
        }
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(x.length - 1, lo + 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    /** Column-wise {@code q}-quantile over rows of equal length. */
    static double[] quantileRows(double[][] rows, double q) {
        double[] out = new double[rows[0].length];
        double[] col = new double[rows.length];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][j];
            }
            out[j] = quantile(col, q);
        }
        return out;
    }

    /**
     * Mean of the non-NaN paired differences {@code d} with its two-sided 95% confidence interval from Student's t
     * with n − 1 degrees of freedom: {mean, low, high, n}; the interval is NaN for fewer than two pairs.
     */
    static double[] pairedCi95(double[] d) {
        double[] x = java.util.Arrays.stream(d).filter(v -> !Double.isNaN(v)).toArray();
        double m = mean(x);
        if (x.length < 2) {
            return new double[] {m, Double.NaN, Double.NaN, x.length};
        }
        double t = new org.hipparchus.distribution.continuous.TDistribution(x.length - 1).inverseCumulativeProbability(0.975);
        double half = t * sd(x) / Math.sqrt(x.length);
        return new double[] {m, m - half, m + half, x.length};
    }

    /**
     * The paired difference {@code d} = {@code rule} − {@code reference} by trial in one line: its mean and 95% CI
     * ({@link #pairedCi95}), the number of pairs, and in how many {@code rule} is lower.
     */
    static String pairedLine(double[] d, String rule, String reference) {
        double[] ci = pairedCi95(d);
        long lower = java.util.Arrays.stream(d).filter(x -> x < 0).count();
        return String.format(java.util.Locale.ROOT, "%+.2f points, 95%% CI [%+.2f, %+.2f], n = %d pairs; %s lower than %s in %d of %d",
                ci[0], ci[1], ci[2], (int) ci[3], rule, reference, lower, d.length);
    }
}
