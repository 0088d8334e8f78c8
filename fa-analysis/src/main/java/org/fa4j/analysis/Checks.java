package org.fa4j.analysis;

import java.util.List;

/** Argument checks with messages that name the value and the expectation. */
final class Checks {
    private Checks() {
    }

    /** {@code value} is finite and &gt; 0. */
    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** {@code value} is finite and ≥ 0 (a tolerance, a margin, a scale that may be zero). */
    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    /** {@code value} is finite (a coordinate, which may have either sign). */
    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    /** {@code value} is a fraction in [0, 1]. */
    static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1], got " + value);
        }
    }

    /** The count {@code value} is at least {@code min}. */
    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /** The layer sizes {@code nI}, {@code nH}, {@code nO} of a two-layer network are all ≥ 1. */
    static void layerSizes(int nI, int nH, int nO) {
        atLeast("nI", nI, 1);
        atLeast("nH", nH, 1);
        atLeast("nO", nO, 1);
    }

    /** A copy of {@code values}, which must be non-null and hold no null element. */
    static <T> List<T> copy(String name, List<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(name + " must not contain null, got " + values);
            }
        }
        return List.copyOf(values);
    }

    /** A copy of the task seeds {@code seeds}, which must hold at least one seed. */
    static List<Long> seeds(String name, List<Long> seeds) {
        List<Long> copy = copy(name, seeds);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least one seed, got " + copy);
        }
        return copy;
    }

    /** {@link #learningRates(String, List)} for the component named {@code etas}. */
    static List<Double> learningRates(List<Double> etas) {
        return learningRates("etas", etas);
    }

    /** A copy of {@code etas}, which must hold at least two positive learning rates (to fit a slope over η). */
    static List<Double> learningRates(String name, List<Double> etas) {
        List<Double> copy = copy(name, etas);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(name + " must hold at least two learning rates to fit a slope over "
                    + "eta, got " + copy);
        }
        for (int i = 0; i < copy.size(); i++) {
            positive(name + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    /** The integrator's relative and absolute tolerances are finite and &gt; 0 (its error scale divides by them). */
    static void integratorTolerances(double relTol, double absTol) {
        positive("relTol", relTol);
        positive("absTol", absTol);
    }
}
