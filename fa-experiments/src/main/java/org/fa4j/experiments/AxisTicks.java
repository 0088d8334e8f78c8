package org.fa4j.experiments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis has its tick marks and what they say: labelled (major) ticks at round values and unlabelled (minor)
 * ticks between them. Linear axes step by 1, 2 or 5 × 10^k; logarithmic axes by decades (every decade, or every 2nd,
 * 5th, 10th … when the range is long), with 2 and 5 inside a decade when the range is short. Pure functions of the
 * range and the number of labels that fit, so that a figure's ticks can be checked against known answers.
 *
 * @param major the labelled tick values, ascending
 * @param labels the label of each major tick
 * @param minor the unlabelled tick values between (and around) the major ones, ascending
 */
record AxisTicks(List<Double> major, List<String> labels, List<Double> minor) {
    private static final double[] STEPS = {1, 2, 5};

    AxisTicks {
        major = List.copyOf(major);
        labels = List.copyOf(labels);
        minor = List.copyOf(minor);
        if (major.size() != labels.size()) {
            throw new IllegalArgumentException(major.size() + " major ticks but " + labels.size() + " labels");
        }
    }

    /**
     * Ticks of a linear axis over [{@code min}, {@code max}]: the smallest step of 1, 2 or 5 × 10^k that puts at most
     * {@code maxLabels} labelled ticks in the range, every multiple of the step inside it, and minor ticks at a fifth
     * (step 1 or 5) or a half (step 2) of the step.
     */
    static AxisTicks linear(double min, double max, int maxLabels) {
        return linear(min, max, maxLabels, 0);
    }

    /** As {@link #linear(double, double, int)}, with a step of at least {@code minStep} (1 for counts such as epochs). */
    static AxisTicks linear(double min, double max, int maxLabels, double minStep) {
        checkRange(min, max, maxLabels);
        double span = max - min;
        double step = Math.max(minStep, niceStep(span == 0 ? Math.max(Math.abs(min), 1) : span, maxLabels));
        List<Double> major = multiples(min, max, step);
        double minorStep = step == minStep && minStep == 1 ? 1 : mantissa(step) == 2 ? step / 2 : step / 5;
        List<Double> minor = new ArrayList<>();
        for (double v : multiples(min, max, minorStep)) {
            if (!containsClose(major, v, minorStep)) {
                minor.add(v);
            }
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        List<String> labels = major.stream().map(v -> linearLabel(v, decimals)).toList();
        return new AxisTicks(major, labels, minor);
    }

    /**
     * Ticks of a logarithmic axis over [{@code min}, {@code max}] (both positive): labels every decade, or every 2nd,
     * 5th, 10th … decade when more than {@code maxLabels} decades lie in the range (the others become minor ticks);
     * when fewer than three decades are labelled, 2× and 5× each decade are labelled too and the other integer
     * multiples (3, 4, 6 … 9) are minor ticks.
     */
    static AxisTicks log(double min, double max, int maxLabels) {
        checkRange(min, max, maxLabels);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs min > 0; min is " + min);
        }
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        int decades = hi - lo + 1;
        List<Double> major = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        if (decades >= 3 || decades > maxLabels) {
            int every = decades <= maxLabels ? 1 : (int) niceStep(decades - 1, maxLabels);
            for (int k = lo; k <= hi; k++) {
                double v = value(1, k);
                if (Math.floorMod(k, every) == 0) {
                    major.add(v);
                    labels.add(logLabel(1, k));
                } else {
                    minor.add(v);
                }
            }
            if (every == 1 && decades <= 12) {
                // a few decades: the integer multiples inside each decade as minor ticks
                for (int k = lo - 1; k <= hi; k++) {
                    for (int m = 2; m <= 9; m++) {
                        double v = value(m, k);
                        if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) {
                            minor.add(v);
                        }
                    }
                }
            }
        } else {
            for (int k = lo - 1; k <= hi; k++) {
                for (int m = 1; m <= 9; m++) {
                    double v = value(m, k);
                    if (v < min * (1 - 1e-12) || v > max * (1 + 1e-12)) {
                        continue;
                    }
                    if (m == 1 || m == 2 || m == 5) {
                        major.add(v);
                        labels.add(logLabel(m, k));
                    } else {
                        minor.add(v);
                    }
                }
            }
        }
        minor.sort(Double::compare);
        return new AxisTicks(major, labels, minor);
    }

    /** The smallest 1, 2 or 5 × 10^k with at most {@code maxLabels} multiples in a range of {@code span}. */
    static double niceStep(double span, int maxLabels) {
        double raw = span / Math.max(1, maxLabels - 1);
        int exp = (int) Math.floor(Math.log10(raw));
        for (int e = exp - 1; ; e++) {
            for (double m : STEPS) {
                double step = m * Math.pow(10, e);
                if (Math.floor(span / step + 1e-9) + 1 <= maxLabels) {
                    return BigDecimal.valueOf(m).scaleByPowerOfTen(e).doubleValue();
                }
            }
        }
    }

    /** m × 10^k as the double nearest the decimal (5 × Math.pow(10, -6) is not 5e-6). */
    private static double value(int m, int k) {
        return BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
    }

    private static int mantissa(double step) {
        return (int) Math.round(step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9)));
    }

    private static List<Double> multiples(double min, double max, double step) {
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        BigDecimal s = BigDecimal.valueOf(step);
        for (long i = first; i <= last; i++) {
            out.add(s.multiply(BigDecimal.valueOf(i)).doubleValue());
        }
        return out;
    }

    private static boolean containsClose(List<Double> values, double v, double tolerance) {
        return values.stream().anyMatch(m -> Math.abs(m - v) < tolerance * 1e-6);
    }

    private static void checkRange(double min, double max, int maxLabels) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("axis range [" + min + ", " + max + "]; expected finite min <= max");
        }
        if (maxLabels < 2) {
            throw new IllegalArgumentException("maxLabels is " + maxLabels + "; expected at least 2");
        }
    }

    /** A linear label: {@code decimals} digits after the point, thousands grouped by a space from 10 000 on. */
    static String linearLabel(double v, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            return "0";
        }
        String s = d.toPlainString();
        String sign = s.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? s : s.substring(1);
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        String rest = point < 0 ? "" : digits.substring(point);
        if (whole.length() >= 5) {
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && (whole.length() - i) % 3 == 0) {
                    g.append(' ');
                }
                g.append(whole.charAt(i));
            }
            whole = g.toString();
        }
        return sign + whole + rest;
    }

    /** A logarithmic label for m × 10^k: plain between 0.001 and 10 000 ("0.01", "50"), else "1e-6", "5e-12". */
    static String logLabel(int m, int k) {
        if (k >= -3 && k <= 4) {
            return BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        return m + "e" + k;
    }
}
