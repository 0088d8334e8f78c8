package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Check of condition (1) (PAPER §1.2): under FA with a fixed random B, eᵀ W B e becomes positive on average — the
 * property the paper says is acquired by adjusting W. Task 1 is trained online (η, ω as given) for several seeds (new
 * T, B, initial weights and inputs each); q_t = eᵀWBe is recorded before each update. Reported per seed: the sign of
 * the first window's mean (random at the start: W is small and random), the step from which the sliding mean over
 * {@code window} steps stays positive to the end of the run, and the fraction of positive q in the last quarter.
 */
public final class ConditionOneCheck {
    private ConditionOneCheck() {
    }

    /**
     * Parameters.
     *
     * @param omega   initial weights uniform on [−ω, ω] (Task 1: 0.01)
     * @param eta     learning rate
     * @param steps   online examples per seed
     * @param window  sliding-window length for the running mean
     * @param seeds   task seeds
     * @param minLateFractionPositive smallest accepted fraction of positive eᵀWBe in the last quarter (every seed)
     */
    public record Params(double omega, double eta, int steps, int window, List<Long> seeds,
            double minLateFractionPositive) {
        /** Validates every component and copies {@code seeds}. */
        public Params {
            Checks.nonNegative("omega", omega);
            Checks.positive("eta", eta);
            Checks.atLeast("steps", steps, 1);
            Checks.atLeast("window", window, 1);
            if (window >= steps) {
                throw new IllegalArgumentException("window must be < steps, got window = " + window + ", steps = "
                        + steps);
            }
            seeds = Checks.seeds("seeds", seeds);
            Checks.fraction("minLateFractionPositive", minLateFractionPositive);
        }

        /** Task 1 as in the paper (ω = 0.01), η = 1e-3, 3000 steps, window 20, eight seeds. */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().omega(omega).eta(eta).steps(steps).window(window).seeds(seeds)
                    .minLateFractionPositive(minLateFractionPositive);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private double omega = 0.01;
            private double eta = 1e-3;
            private int steps = 3000;
            private int window = 20;
            private List<Long> seeds = List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
            private double minLateFractionPositive = 0.95;

            private Builder() {
            }

            /** Half-width ω of the uniform initial weights (default 0.01, the paper's Task 1). */
            public Builder omega(double v) { this.omega = v; return this; }

            /** Learning rate η of the online updates (default 1e-3, the paper's Task 1). */
            public Builder eta(double v) { this.eta = v; return this; }

            /** Online examples per seed (default 3000). */
            public Builder steps(int v) { this.steps = v; return this; }

            /** Length in steps of the sliding window for the running mean of eᵀWBe, below steps (default 20). */
            public Builder window(int v) { this.window = v; return this; }

            /** Task seeds, one run each; at least one (default 11 to 18). */
            public Builder seeds(List<Long> v) { this.seeds = v; return this; }

            /** Smallest accepted fraction of positive eᵀWBe in the last quarter, for every seed (default 0.95). */
            public Builder minLateFractionPositive(double v) { this.minLateFractionPositive = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(omega, eta, steps, window, seeds, minLateFractionPositive);
            }
        }
    }

    /** Runs the check. */
    public static CheckReport run(Params p) {
        List<Map<String, Object>> perSeed = new ArrayList<>();
        int startedNegative = 0;
        int latestTurn = 0;
        double worstLate = 1;
        boolean allTurned = true;
        int notTurned = 0;
        for (long seed : p.seeds()) {
            Task1Float64 task = new Task1Float64(seed);
            Task1Float64.Run run = task.start(p.omega(), p.eta());
            double[] q = new double[p.steps()];
            double[] wbe = new double[Task1Float64.N_O];
            for (int s = 0; s < p.steps(); s++) {
                run.forward();
                Mat64.mult(run.w, run.be, wbe);
                q[s] = Mat64.dot(run.e, wbe, Task1Float64.N_O); // eᵀ W B e, condition (1)
                run.update();
            }
            double sum = 0;
            double firstWindowMean = 0;
            int lastNonPositive = -1;
            for (int s = 0; s < p.steps(); s++) {
                sum += q[s];
                if (s >= p.window()) {
                    sum -= q[s - p.window()];
                }
                if (s == p.window() - 1) {
                    firstWindowMean = sum / p.window();
                }
                if (s >= p.window() - 1 && sum <= 0) {
                    lastNonPositive = s;
                }
            }
            int turn = Math.max(lastNonPositive + 1, p.window() - 1);
            int lateFrom = p.steps() * 3 / 4;
            int positive = 0;
            for (int s = lateFrom; s < p.steps(); s++) {
                if (q[s] > 0) {
                    positive++;
                }
            }
            double late = (double) positive / (p.steps() - lateFrom);
            if (firstWindowMean <= 0) {
                startedNegative++;
            }
            latestTurn = Math.max(latestTurn, turn);
            worstLate = Math.min(worstLate, late);
            if (turn >= p.steps() - p.window()) {
                allTurned = false;
                notTurned++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", seed);
            row.put("firstWindowMean", firstWindowMean);
            row.put("slidingMeanPositiveFromStep", turn);
            row.put("lateFractionPositive", late);
            row.put("nseEnd", run.nse());
            perSeed.add(row);
        }
        Reports r = new Reports("condition-1",
                "Under FA with random B the running mean of eᵀWBe turns positive",
                "condition (1); PAPER §1.2", Role.CLAIM, p);
        r.measure("perSeed", perSeed)
                .measure("seedsStartingNegative", startedNegative)
                .measure("latestTurnStep", latestTurn)
                .measure("worstLateFractionPositive", worstLate);
        r.require("latestTurnStep", p.steps() - p.window(), allTurned)
                .require("worstLateFractionPositive", p.minLateFractionPositive(),
                        worstLate >= p.minLateFractionPositive());
        r.note("Steps count examples from 0; q is measured with the weights before that example's update. "
                + "slidingMeanPositiveFromStep is the first step s such that the mean over [s − window + 1, s] and "
                + "every later window is positive.");
        String turned;
        if (allTurned) {
            turned = String.format(Locale.ROOT, "stayed positive from step %d at the latest (of %d)", latestTurn,
                    p.steps());
        } else {
            turned = String.format(Locale.ROOT, "did not stay positive from before step %d (of %d) for %d of them (%s)",
                    p.steps() - p.window(), p.steps(), notTurned, latestTurn >= p.steps()
                            ? "at least one still non-positive at the last step"
                            : String.format(Locale.ROOT, "the latest positive only from step %d", latestTurn));
        }
        return r.build(String.format(Locale.ROOT,
                "Over %d seeds (%d starting with a non-positive %d-step mean) the sliding mean of eᵀWBe %s; in the "
                        + "last quarter at least %.1f%% of the values were positive.",
                p.seeds().size(), startedNegative, p.window(), turned, 100 * worstLate));
    }
}
