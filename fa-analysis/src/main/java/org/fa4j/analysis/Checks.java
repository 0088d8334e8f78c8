package org.fa4j.analysis;

import java.util.List;

/** Argument checks with messages that name the value and the expectation. */
final class Checks {
    private Checks() {
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** The layer sizes {@code nI}, {@code nH}, {@code nO} of a two-layer network are all positive. */
    static void layerSizes(int nI, int nH, int nO) {
        positive("nI", nI);
        positive("nH", nH);
        positive("nO", nO);
    }

    /** A copy of {@code etas}, which must hold at least two positive learning rates (to fit a slope over η). */
    static List<Double> learningRates(List<Double> etas) {
        List<Double> copy = List.copyOf(etas);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("need at least two learning rates to fit a slope over eta, got " + copy);
        }
        copy.forEach(e -> positive("eta", e));
        return copy;
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
