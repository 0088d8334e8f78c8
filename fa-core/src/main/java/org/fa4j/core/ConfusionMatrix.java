package org.fa4j.core;

import java.util.Arrays;

/**
 * An immutable confusion matrix: {@link #get(int, int) get(t, p)} counts the examples of target class {@code t}
 * predicted as class {@code p}. Equal when the counts are equal (not by identity), so {@link Evaluation}s compare by
 * content.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final int[] counts; // row-major, classes × classes

    private ConfusionMatrix(int classes, int[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * A confusion matrix holding a copy of {@code counts}, {@code counts[t][p]} = examples of class {@code t}
     * predicted as {@code p}; it must be square with non-negative entries.
     */
    public static ConfusionMatrix of(int[][] counts) {
        int k = counts.length;
        if (k == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got 0 rows");
        }
        int[] flat = new int[k * k];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("a confusion matrix must be square: " + k + " rows, but row " + t
                        + " has " + counts[t].length + " entries");
            }
            for (int p = 0; p < k; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("confusion counts must be >= 0, got " + counts[t][p] + " at ("
                            + t + ", " + p + ")");
                }
                flat[t * k + p] = counts[t][p];
            }
        }
        return new ConfusionMatrix(k, flat);
    }

    /** The number of classes (rows and columns). */
    public int classes() {
        return classes;
    }

    /** Examples of target class {@code target} predicted as {@code predicted}. */
    public int get(int target, int predicted) {
        if (target < 0 || target >= classes || predicted < 0 || predicted >= classes) {
            throw new IndexOutOfBoundsException("(" + target + ", " + predicted + ") is outside the " + classes + "x"
                    + classes + " confusion matrix");
        }
        return counts[target * classes + predicted];
    }

    /** All examples counted. */
    public long total() {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /** Examples on the diagonal (predicted as their target class). */
    public long correct() {
        long n = 0;
        for (int t = 0; t < classes; t++) {
            n += counts[t * classes + t];
        }
        return n;
    }

    /** A fresh copy of the counts, {@code [target][predicted]}. */
    public int[][] toArray() {
        int[][] out = new int[classes][];
        for (int t = 0; t < classes; t++) {
            out[t] = Arrays.copyOfRange(counts, t * classes, (t + 1) * classes);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix c && c.classes == classes && Arrays.equals(c.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(counts);
    }

    /** The rows, e.g. {@code [[5, 1], [0, 4]]}. */
    @Override
    public String toString() {
        return Arrays.deepToString(toArray());
    }
}
