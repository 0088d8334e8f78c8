package org.fa4j.core;

import java.util.Locale;

/**
 * How the learning rate η changes over a run of {@link Trainer#fit}: a function of the update count, applied <em>per
 * step</em> (per update, i.e. per batch), not per epoch, so the rate falls smoothly within each epoch.
 *
 * <p>With {@code t} the 0-based index of the update about to be made and {@code T} the run's number of updates
 * ({@code epochs · ⌈n / batchSize⌉} for {@link Trainer#fit} on {@code n} rows), the rate of update {@code t} is
 * {@code η_t = η · s(t / T)} with {@code s(p)} given by each kind below; {@code p} is clamped to {@code [0, 1]}, so
 * updates past the horizon keep the final rate. The weight decay of that update uses the same {@code η_t}:
 * {@code W ← (1 − η_t α) W + η_t Σ δhᵀ}.
 * <ul>
 *   <li>{@link Constant}: {@code s(p) = 1} — the default; training is bit-identical to a fixed η.</li>
 *   <li>{@link Linear}: {@code s(p) = 1 − (1 − f) p}, from η at the first update towards {@code η·f} at the end.</li>
 *   <li>{@link Cosine}: {@code s(p) = f + (1 − f)(1 + cos πp) / 2} (Loshchilov &amp; Hutter 2017, SGDR, without restarts).</li>
 *   <li>{@link Triangle}: warm-up then linear decay to 0, {@code s(p) = p / w} for {@code p < w}, else
 *       {@code (1 − p) / (1 − w)} (Smith 2017's triangular cycle, one cycle; large η needs the ramp to avoid saturating
 *       logistic units at the start).</li>
 * </ul>
 * Names for JSON and the command line: {@code constant}, {@code linear} (to 0), {@code cosine} (to 0), or with a final
 * fraction {@code linear:0.1}, {@code cosine:0.1}, and {@code triangle:W} (warm-up fraction W); see {@link #named} and
 * {@link #id}.
 */
public sealed interface LearningRateSchedule {

    /** The constant schedule, {@code η_t = η}. */
    static LearningRateSchedule constant() {
        return Constant.INSTANCE;
    }

    /** Linear decay to {@code η·finalFraction}. */
    static LearningRateSchedule linear(double finalFraction) {
        return new Linear(finalFraction);
    }

    /** Cosine decay to {@code η·finalFraction}. */
    static LearningRateSchedule cosine(double finalFraction) {
        return new Cosine(finalFraction);
    }

    /** Warm-up over the fraction {@code warmup} of the run, then linear decay to 0. */
    static LearningRateSchedule triangle(double warmup) {
        return new Triangle(warmup);
    }

    /** The factor {@code s(p)} at progress {@code p ∈ [0, 1]}. */
    double factor(double p);

    /** The name, e.g. {@code constant}, {@code linear}, {@code cosine:0.1}; {@link #named} reads it back. */
    String id();

    /**
     * The rate of update {@code step} (0-based) in a run of {@code totalSteps} updates: {@code η · s(min(1, step / T))}.
     * A constant schedule returns {@code eta} itself, whatever the steps.
     *
     * @throws IllegalArgumentException if {@code step < 0} or {@code totalSteps < 1} (for non-constant schedules)
     */
    default double rate(double eta, long step, long totalSteps) {
        if (step < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("schedule " + id() + ": step " + step + " of " + totalSteps
                    + "; expected step >= 0 and totalSteps >= 1");
        }
        return eta * factor(Math.min(1.0, (double) step / totalSteps));
    }

    /**
     * The schedule called {@code name}: {@code constant}, {@code linear}, {@code cosine}, {@code linear:F} or
     * {@code cosine:F} with {@code 0 ≤ F ≤ 1}.
     *
     * @throws IllegalArgumentException naming the value and the expected forms
     */
    static LearningRateSchedule named(String name) {
        String expected = "; expected constant, linear, cosine, linear:F or cosine:F with 0 <= F <= 1, or triangle:W with 0 < W < 1";
        if (name == null) {
            throw new IllegalArgumentException("learning-rate schedule is null" + expected);
        }
        String kind = name;
        double f = 0;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            kind = name.substring(0, colon);
            try {
                f = Double.parseDouble(name.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning-rate schedule '" + name + "' has no number after ':'" + expected, e);
            }
        }
        try {
            return switch (kind) {
                case "constant" -> {
                    if (colon >= 0) {
                        throw new IllegalArgumentException("constant takes no final fraction");
                    }
                    yield constant();
                }
                case "linear" -> linear(f);
                case "cosine" -> cosine(f);
                case "triangle" -> {
                    if (colon < 0) {
                        throw new IllegalArgumentException("triangle needs its warm-up fraction, e.g. triangle:0.05");
                    }
                    yield triangle(f);
                }
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("learning-rate schedule '" + name + "': " + e.getMessage() + expected, e);
        }
    }

    private static void checkFraction(String kind, double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException(kind + " schedule: finalFraction must be in [0, 1], got " + f);
        }
    }

    private static String withFraction(String kind, double f) {
        return f == 0 ? kind : kind + ":" + String.format(Locale.ROOT, "%s", f);
    }

    /** {@code η_t = η}. */
    enum Constant implements LearningRateSchedule {
        /** The one constant schedule. */
        INSTANCE;

        @Override
        public double factor(double p) {
            return 1;
        }

        @Override
        public double rate(double eta, long step, long totalSteps) {
            return eta; // exactly η: the pre-schedule trainer's arithmetic, bit for bit
        }

        @Override
        public String id() {
            return "constant";
        }
    }

    /**
     * Linear decay, {@code s(p) = 1 − (1 − f) p}.
     *
     * @param finalFraction {@code f ∈ [0, 1]}, the rate at the end as a fraction of η
     */
    record Linear(double finalFraction) implements LearningRateSchedule {
        /** Checks the value. */
        public Linear {
            checkFraction("linear", finalFraction);
        }

        @Override
        public double factor(double p) {
            return 1 - (1 - finalFraction) * p;
        }

        @Override
        public String id() {
            return withFraction("linear", finalFraction);
        }
    }

    /**
     * Cosine decay, {@code s(p) = f + (1 − f)(1 + cos πp) / 2}.
     *
     * @param finalFraction {@code f ∈ [0, 1]}, the rate at the end as a fraction of η
     */
    record Cosine(double finalFraction) implements LearningRateSchedule {
        /** Checks the value. */
        public Cosine {
            checkFraction("cosine", finalFraction);
        }

        @Override
        public double factor(double p) {
            return finalFraction + (1 - finalFraction) * 0.5 * (1 + Math.cos(Math.PI * p));
        }

        @Override
        public String id() {
            return withFraction("cosine", finalFraction);
        }
    }

    /**
     * Linear warm-up from 0 to η over the fraction {@code w} of the run, then linear decay to 0:
     * {@code s(p) = p / w} for {@code p < w}, else {@code (1 − p) / (1 − w)}.
     *
     * @param warmup {@code w ∈ (0, 1)}
     */
    record Triangle(double warmup) implements LearningRateSchedule {
        /** Checks the value. */
        public Triangle {
            if (!(warmup > 0 && warmup < 1)) {
                throw new IllegalArgumentException("triangle schedule: warmup must be in (0, 1), got " + warmup);
            }
        }

        @Override
        public double factor(double p) {
            return p < warmup ? p / warmup : (1 - p) / (1 - warmup);
        }

        @Override
        public String id() {
            return "triangle:" + String.format(Locale.ROOT, "%s", warmup);
        }
    }
}
