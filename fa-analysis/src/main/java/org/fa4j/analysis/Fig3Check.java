package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Check of the Fig. 3 dynamics (1-1-1 network, T = B = 1; PAPER §2.5), using {@link Fig3Dynamics}:
 * <ol>
 *   <li>2W − W₀² is conserved along trajectories (eq. 14 in one dimension);</li>
 *   <li>the trajectory from (0, 0) ends at (2^{1/3}, 2^{−1/3});</li>
 *   <li>on the hyperbola W₀W = 1 the numerically computed Jacobian (central differences, EJML eigenvalues) has the
 *       eigenvalue −(W + W₀²), whose sign classifies the branch as stable or unstable;</li>
 *   <li>the analytic bad basin {2W − W₀² &lt; −3, W₀ &lt; r₂(c)} agrees with simulation on a grid over [−2, 2]²; grid
 *       points closer than {@code separatrixMargin} to the separatrix (in c or in W₀ − r₂(c)) are excluded and
 *       counted.</li>
 * </ol>
 * {@link #runNonzeroCCounterCase} is the Theorem-1 counter-case with C ≠ 0.
 */
public final class Fig3Check {
    private Fig3Check() {
    }

    /**
     * Parameters.
     *
     * @param gridSize         n for the n×n basin grid over [−2, 2]²
     * @param settleTime       integration time for each basin grid point
     * @param separatrixMargin grid points with |c + 3| or |W₀ − r₂(c)| below this are excluded from the agreement
     * @param conservationTolerance largest accepted |c(t) − c(0)| along the sample trajectories
     * @param endpointTolerance largest accepted distance of the end of the (0,0) trajectory from (2^{1/3}, 2^{−1/3})
     * @param eigenvalueTolerance largest accepted |λ_numeric − (−(W + W₀²))| on the hyperbola
     * @param minAgreement     smallest accepted fraction of non-excluded grid points where analysis and simulation
     *                         agree
     * @param badStartW0       W₀ of the counter-case start (inside the bad basin)
     * @param badStartW        W of the counter-case start
     */
    public record Params(int gridSize, double settleTime, double separatrixMargin, double conservationTolerance,
            double endpointTolerance, double eigenvalueTolerance, double minAgreement, double badStartW0,
            double badStartW) {
        /** Validates every component. */
        public Params {
            Checks.atLeast("gridSize", gridSize, 2);
            Checks.positive("settleTime", settleTime);
            Checks.nonNegative("separatrixMargin", separatrixMargin);
            Checks.nonNegative("conservationTolerance", conservationTolerance);
            Checks.nonNegative("endpointTolerance", endpointTolerance);
            Checks.nonNegative("eigenvalueTolerance", eigenvalueTolerance);
            Checks.fraction("minAgreement", minAgreement);
            Checks.finite("badStartW0", badStartW0);
            Checks.finite("badStartW", badStartW);
        }

        /** A 41×41 grid (step 0.1), settle time 200, margin 0.01; counter-case from (−1.5, −1.5). */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** Same with an 81×81 grid (step 0.05). */
        public static Params full() {
            return newBuilder().gridSize(81).build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().gridSize(gridSize).settleTime(settleTime).separatrixMargin(separatrixMargin)
                    .conservationTolerance(conservationTolerance).endpointTolerance(endpointTolerance)
                    .eigenvalueTolerance(eigenvalueTolerance).minAgreement(minAgreement).badStartW0(badStartW0)
                    .badStartW(badStartW);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private int gridSize = 41;
            private double settleTime = 200;
            private double separatrixMargin = 0.01;
            private double conservationTolerance = 1e-9;
            private double endpointTolerance = 1e-8;
            private double eigenvalueTolerance = 1e-6;
            private double minAgreement = 1.0;
            private double badStartW0 = -1.5;
            private double badStartW = -1.5;

            private Builder() {
            }

            /** Points per side n of the n×n basin grid over [−2, 2]², at least 2 (default 41, step 0.1). */
            public Builder gridSize(int v) { this.gridSize = v; return this; }

            /** Continuous time each grid point and the counter-case start are integrated for (default 200). */
            public Builder settleTime(double v) { this.settleTime = v; return this; }

            /** Grid points with |c + 3| or |W₀ − r₂(c)| below this are excluded from the agreement (default 0.01). */
            public Builder separatrixMargin(double v) { this.separatrixMargin = v; return this; }

            /** Largest accepted drift |c(t) − c(0)| of c = 2W − W₀² along the sample trajectories (default 1e-9). */
            public Builder conservationTolerance(double v) { this.conservationTolerance = v; return this; }

            /** Largest accepted distance of the (0, 0) trajectory's end from (2^{1/3}, 2^{−1/3}) (default 1e-8). */
            public Builder endpointTolerance(double v) { this.endpointTolerance = v; return this; }

            /** Largest accepted |λ_numeric − (−(W + W₀²))| on the hyperbola W₀W = 1 (default 1e-6). */
            public Builder eigenvalueTolerance(double v) { this.eigenvalueTolerance = v; return this; }

            /** Smallest accepted fraction of non-excluded grid points where theory and simulation agree (default 1). */
            public Builder minAgreement(double v) { this.minAgreement = v; return this; }

            /** W₀ of the counter-case start, inside the bad basin by default (default −1.5). */
            public Builder badStartW0(double v) { this.badStartW0 = v; return this; }

            /** W of the counter-case start (default −1.5). */
            public Builder badStartW(double v) { this.badStartW = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(gridSize, settleTime, separatrixMargin, conservationTolerance, endpointTolerance,
                        eigenvalueTolerance, minAgreement, badStartW0, badStartW);
            }
        }
    }

    /** Runs the four Fig. 3 claims. */
    public static CheckReport run(Params p) {
        return run(p, Fig3Dynamics::hyperbolaEigenvalue);
    }

    /**
     * Runs the claims with {@code eigenvalue(W₀)} as the predicted non-zero Jacobian eigenvalue on W₀W = 1: a test
     * hook (a wrong stability formula must make claim 3 fail).
     */
    static CheckReport run(Params p, DoubleUnaryOperator eigenvalue) {
        Reports r = new Reports("fig3-dynamics",
                "1-1-1 net, T = B = 1: 2W − W₀² conserved, (0,0) → (2^{1/3}, 2^{-1/3}), stability −(W + W₀²), "
                        + "bad basin",
                "Fig. 3b; eq. (14) in 1-D; PAPER §2.5", Role.CLAIM, p);

        // 1. Conservation along trajectories from a few starts.
        double[][] starts = {{0, 0}, {1.5, -1}, {-1.5, -1.5}, {-0.5, 1.8}, {2, 2}, {-2, 0.5}};
        double maxDriftC = 0;
        for (double[] s : starts) {
            double c0 = Fig3Dynamics.conserved(s[0], s[1]);
            for (Fig3Dynamics.State st : Fig3Dynamics.trajectory(s[0], s[1], 40, 400)) {
                maxDriftC = Math.max(maxDriftC, Math.abs(Fig3Dynamics.conserved(st.w0(), st.w()) - c0));
            }
        }
        r.measure("maxConservedDrift", maxDriftC);
        r.require("maxConservedDrift", p.conservationTolerance(), maxDriftC <= p.conservationTolerance());

        // 2. The trajectory from the origin.
        Fig3Dynamics.State end = Fig3Dynamics.endpoint(0, 0, 40);
        double dist = Math.hypot(end.w0() - Math.cbrt(2), end.w() - 1 / Math.cbrt(2));
        r.measure("originEndW0", end.w0()).measure("originEndW", end.w()).measure("originEndDistance", dist);
        r.require("originEndDistance", p.endpointTolerance(), dist <= p.endpointTolerance());

        // 3. Stability on the hyperbola: numeric Jacobian eigenvalue against −(W + W₀²).
        double maxEigGap = 0;
        int classified = 0;
        int classAgree = 0;
        for (int i = 0; i <= 60; i++) {
            double w0 = i <= 30 ? -2 + 1.5 * i / 30 : 0.5 + 1.5 * (i - 31) / 29;
            if (Math.abs(w0 + 1) < 0.05) {
                continue; // at W0 = -1 both eigenvalues vanish (saddle-node)
            }
            double[] ev = Fig3Dynamics.numericJacobianEigenvalues(w0, 1 / w0, 1e-5);
            double nonzero = Math.abs(ev[0]) > Math.abs(ev[1]) ? ev[0] : ev[1];
            double zero = Math.abs(ev[0]) > Math.abs(ev[1]) ? ev[1] : ev[0];
            double closed = eigenvalue.applyAsDouble(w0);
            maxEigGap = Math.max(maxEigGap, Math.max(Math.abs(nonzero - closed), Math.abs(zero)));
            classified++;
            boolean stableClosed = closed < 0;
            boolean stableExpected = w0 > 0 || w0 < -1;
            if ((nonzero < 0) == stableClosed && stableClosed == stableExpected) {
                classAgree++;
            }
        }
        r.measure("hyperbolaPointsClassified", classified)
                .measure("hyperbolaClassificationAgreement", (double) classAgree / classified)
                .measure("maxEigenvalueGap", maxEigGap);
        r.require("maxEigenvalueGap", p.eigenvalueTolerance(), maxEigGap <= p.eigenvalueTolerance());
        r.require("hyperbolaClassificationAgreement", 0.0, classAgree == classified);

        // 4. The bad basin against simulation.
        int total = 0;
        int excluded = 0;
        int agree = 0;
        int agreeAll = 0;
        int predictedBad = 0;
        int unsettled = 0;
        List<List<Double>> disagreements = new ArrayList<>();
        for (double[] g : Fig3Dynamics.grid(-2, 2, p.gridSize())) {
            total++;
            Fig3Dynamics.Outcome pred = Fig3Dynamics.predictedOutcome(g[0], g[1]);
            Fig3Dynamics.Outcome sim = Fig3Dynamics.simulatedOutcome(g[0], g[1], p.settleTime());
            if (sim == Fig3Dynamics.Outcome.UNSETTLED) {
                unsettled++;
            }
            if (pred == sim) {
                agreeAll++;
            }
            if (Fig3Dynamics.separatrixDistance(g[0], g[1]) < p.separatrixMargin()) {
                excluded++;
                continue;
            }
            if (pred == Fig3Dynamics.Outcome.BAD_BRANCH) {
                predictedBad++;
            }
            if (pred == sim) {
                agree++;
            } else if (disagreements.size() < 10) {
                disagreements.add(List.of(g[0], g[1]));
            }
        }
        double agreement = (double) agree / (total - excluded);
        r.measure("gridPoints", total)
                .measure("excludedNearSeparatrix", excluded)
                .measure("predictedBadBasinPoints", predictedBad)
                .measure("unsettledPoints", unsettled)
                .measure("basinAgreement", agreement)
                .measure("basinAgreementWithoutExclusion", (double) agreeAll / total)
                .measure("firstDisagreements", disagreements);
        r.require("basinAgreement", p.minAgreement(), agreement >= p.minAgreement());
        r.note("Flow: Ẇ₀ = B(T − WW₀), Ẇ = (T − WW₀)W₀ with E[x²] = 1, the expected-update dynamics of Proof #1.");
        String basin = total > excluded
                ? String.format(Locale.ROOT, "basin agreement %.4f on %d of %d grid points (%d excluded within %.3g of "
                        + "the separatrix, %d in the bad basin)", agreement, total - excluded, total, excluded,
                        p.separatrixMargin(), predictedBad)
                : String.format(Locale.ROOT, "no basin agreement measured: all %d grid points lie within %.3g of the "
                        + "separatrix", total, p.separatrixMargin());
        return r.build(String.format(Locale.ROOT,
                "c drifted by %.1e; (0,0) ended %.1e from (2^{1/3}, 2^{-1/3}); eigenvalues matched −(W+W₀²) to %.1e; "
                        + "%s.", maxDriftC, dist, maxEigGap, basin));
    }

    /**
     * Theorem-1 counter-case with C ≠ 0: the 1-1-1 network started inside the bad basin (C = 2W − W₀² &lt; −3) settles
     * on the bad branch W₀W = 1 with W₀ &lt; −1, W &lt; 0, where eWBe = W·B·e² &lt; 0 for every e ≠ 0, so condition (1)
     * fails. (The error itself still vanishes there: in this scalar net the bad branch is a solution too; what fails is
     * the sign of eWBe.)
     */
    public static CheckReport runNonzeroCCounterCase(Params p) {
        Reports r = new Reports("theorem-1-counter-nonzero-C",
                "With C ≠ 0 the 1-1-1 network started in the bad basin reaches the branch where eWBe < 0",
                "Theorem 1 hypothesis C = 0 (eq. 14); Fig. 3b; PAPER §2.5, §3.4", Role.COUNTER_CASE, p)
                .predictedFailure("The trajectory settles on the lower-left stable branch (W₀ < −1, W < 0) where "
                        + "eWBe < 0: FA's hidden signal Be then points against backprop's Wᵀe.");
        double c = Fig3Dynamics.conserved(p.badStartW0(), p.badStartW());
        Fig3Dynamics.Outcome predicted = Fig3Dynamics.predictedOutcome(p.badStartW0(), p.badStartW());
        Fig3Dynamics.State end = Fig3Dynamics.endpoint(p.badStartW0(), p.badStartW(), p.settleTime());
        double wb = end.w() * Fig3Dynamics.B;
        double r1 = Fig3Dynamics.cubicRoots(c)[0];
        r.measure("C", c)
                .measure("predictedOutcome", predicted.name())
                .measure("endW0", end.w0())
                .measure("endW", end.w())
                .measure("rootR1", r1)
                .measure("residualW0WMinus1", end.w0() * end.w() - 1)
                .measure("eWBeOverESquared", wb);
        boolean onBadBranch = end.w0() < -1;
        boolean onHyperbola = Math.abs(end.w0() * end.w() - 1) <= 1e-8;
        boolean atR1 = Math.abs(end.w0() - r1) <= 1e-8;
        r.require("C", -3, c < -3)
                .require("endW0", -1, onBadBranch)
                .require("eWBeOverESquared", 0, wb < 0)
                .require("residualW0WMinus1", 1e-8, onHyperbola)
                .require("endW0MatchesR1", 1e-8, atR1);
        r.note("In the 1-1-1 net C = 2BW − W₀² is the scalar conserved quantity; here it is nonzero by choice.");
        String settled = onBadBranch && onHyperbola && atR1
                ? String.format(Locale.ROOT, "settled at (%.6f, %.6f) = (r₁, 1/r₁) on the bad branch", end.w0(),
                        end.w())
                : String.format(Locale.ROOT, "did not settle on the bad branch at (r₁, 1/r₁) with r₁ < −1 by "
                        + "t = %.2f: it was at (%.6f, %.6f), r₁ = %.6f", p.settleTime(), end.w0(), end.w(), r1);
        return r.build(String.format(Locale.ROOT, "From (%.2f, %.2f), C = %.2f, the flow %s; eWBe/e² = %.3f %s 0.",
                p.badStartW0(), p.badStartW(), c, settled, wb, wb < 0 ? "<" : "≥"));
    }
}
