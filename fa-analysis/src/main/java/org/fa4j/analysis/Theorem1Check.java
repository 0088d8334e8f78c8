package org.fa4j.analysis;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Check of Theorem 1 (Supplement Proof #1, PAPER §3.4, eqs. 19–51): for Ẇ = E Aᵀ (19), Ȧ = B E (20) with C = 0 in
 * eq. (14) (zero initial weights) and B⁺B = I (21) (n_o ≤ n_h, random B), E → 0 (22). Along the way the check
 * measures at every accepted integrator step and at three interior points of each step (dense output):
 * <ul>
 *   <li>V = ‖B E‖²_F (23) never increases: V̇ = 2 tr(B Ė Eᵀ Bᵀ) ≤ 0 (Lemma 2, eq. 34);</li>
 *   <li>s = tr(A Aᵀ) stays under the <em>corrected</em> Lemma-3 bound max(s(0), ‖B T‖²_F, 2 n_h²) (the paper's text
 *       says ‖BT‖² + 2n_h, but the algebra 2s − s²/n_h² &lt; 0 needs s &gt; 2n_h²; PAPER §3.4);</li>
 *   <li>E Aᵀ → 0 (50) and E Tᵀ → 0 (51).</li>
 * </ul>
 * With exactly zero weights C = 0, yet the dynamics move at once because Ȧ = B E = B T ≠ 0.
 *
 * <p>{@link #runWideOutputCounterCase} drops B⁺B = I (n_o &gt; n_h). {@link Fig3Check#runNonzeroCCounterCase} drops
 * C = 0 in the 1-1-1 network.
 */
public final class Theorem1Check {
    private Theorem1Check() {
    }

    /**
     * Parameters.
     *
     * @param nI              inputs
     * @param nH              hidden units
     * @param nO              outputs (n_o ≤ n_h for the theorem; n_o &gt; n_h for the counter-case)
     * @param timeSpan        continuous time integrated from W = A = 0
     * @param seed            seed for T ~ U[−1,1] and B ~ U[−0.5,0.5]
     * @param relTol          integrator relative tolerance
     * @param absTol          integrator absolute tolerance
     * @param errorTolerance  largest accepted final ‖E‖_F / ‖T‖_F (and ‖EAᵀ‖, ‖ETᵀ‖ relative to ‖T‖‖A‖, ‖T‖²)
     * @param lyapunovSlack   V̇ may exceed 0 by at most ‖C(t)‖_F·V + lyapunovSlack·|V̇₍₃₄₎| (C(t) is the integrator's
     *                        drift of C away from 0, which enters V̇ as −tr(C B E Eᵀ Bᵀ))
     */
    public record Params(int nI, int nH, int nO, double timeSpan, long seed, double relTol, double absTol,
            double errorTolerance, double lyapunovSlack) {
        /** Validates every component. */
        public Params {
            Checks.layerSizes(nI, nH, nO);
            Checks.positive("timeSpan", timeSpan);
            Checks.integratorTolerances(relTol, absTol);
            Checks.nonNegative("errorTolerance", errorTolerance);
            Checks.nonNegative("lyapunovSlack", lyapunovSlack);
        }

        /** Task-1 shapes 30-20-10 (n_o ≤ n_h), integrated to t = 60. */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** The counter-case defaults: n_o = 10 outputs but only n_h = 5 hidden units, so B⁺B ≠ I. */
        public static Params wideOutputDefaults() {
            return newBuilder().nH(5).build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().nI(nI).nH(nH).nO(nO).timeSpan(timeSpan).seed(seed).relTol(relTol).absTol(absTol)
                    .errorTolerance(errorTolerance).lyapunovSlack(lyapunovSlack);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private int nI = 30;
            private int nH = 20;
            private int nO = 10;
            private double timeSpan = 60.0;
            private long seed = 1L;
            private double relTol = 1e-11;
            private double absTol = 1e-13;
            private double errorTolerance = 1e-6;
            private double lyapunovSlack = 1e-9;

            private Builder() {
            }

            /** Inputs n_i (default 30, the paper's Task 1). */
            public Builder nI(int v) { this.nI = v; return this; }

            /** Hidden units n_h; the theorem needs n_o ≤ n_h (default 20, the paper's Task 1). */
            public Builder nH(int v) { this.nH = v; return this; }

            /** Outputs n_o (default 10, the paper's Task 1). */
            public Builder nO(int v) { this.nO = v; return this; }

            /** Continuous time integrated from W = A = 0 (default 60). */
            public Builder timeSpan(double v) { this.timeSpan = v; return this; }

            /** Seed of T ~ U[−1,1] and B ~ U[−0.5,0.5] (default 1). */
            public Builder seed(long v) { this.seed = v; return this; }

            /** Relative tolerance of the Dormand–Prince 8(5,3) integrator (default 1e-11). */
            public Builder relTol(double v) { this.relTol = v; return this; }

            /** Absolute tolerance of the integrator (default 1e-13). */
            public Builder absTol(double v) { this.absTol = v; return this; }

            /** Largest accepted final ‖E‖_F/‖T‖_F, and ‖EAᵀ‖, ‖ETᵀ‖ relative to ‖T‖‖A‖, ‖T‖² (default 1e-6). */
            public Builder errorTolerance(double v) { this.errorTolerance = v; return this; }

            /** Slack on V̇ ≤ 0 beyond the integrator's drift of C, as a fraction of |V̇₍₃₄₎| (default 1e-9). */
            public Builder lyapunovSlack(double v) { this.lyapunovSlack = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(nI, nH, nO, timeSpan, seed, relTol, absTol, errorTolerance, lyapunovSlack);
            }
        }
    }

    /** Observations along one trajectory from W = A = 0. */
    record Trajectory(DMatrixRMaj t, DMatrixRMaj b, DMatrixRMaj w, DMatrixRMaj a, int evaluations, int steps,
            int positiveVdot, double worstVdotExcess, int vIncreases, double maxS, double maxDriftC,
            double maxVdotGap, double v0, double vEnd, double timeTo1em3, double timeTo1em6) {
    }

    static Trajectory integrate(Params p, UnaryOperator<DMatrixRMaj> editFeedback) {
        SplittableRandom rnd = new SplittableRandom(p.seed());
        DMatrixRMaj t = Mat64.uniform(p.nO(), p.nI(), -1, 1, rnd.split());
        DMatrixRMaj b = editFeedback.apply(Mat64.uniform(p.nH(), p.nO(), -0.5, 0.5, rnd.split()));
        LinearFa net = new LinearFa(t, b);
        DMatrixRMaj zeroW = new DMatrixRMaj(p.nO(), p.nH());
        DMatrixRMaj zeroA = new DMatrixRMaj(p.nH(), p.nI());
        double v0 = net.lyapunov(zeroW, zeroA);
        int[] counts = new int[3]; // steps seen, V̇ > 0, V increased
        // worst excess, max s, max |C|, max |V̇ − V̇34|, V_prev
        double[] stats = {Double.NEGATIVE_INFINITY, 0, 0, 0, v0};
        double[] times = {Double.NaN, Double.NaN}; // first time ‖E‖/‖T‖ < 1e-3 and < 1e-6
        double normT = Mat64.normF(t);
        double[] y0 = net.pack(zeroW, zeroA);
        Ode.Result res = Ode.integrate(net.ode(), y0, p.timeSpan(), p.relTol(), p.absTol(), 4, s -> {
            double[] y = s.getPrimaryState();
            DMatrixRMaj w = net.w(y);
            DMatrixRMaj a = net.a(y);
            double v = net.lyapunov(w, a);
            double vDot = net.lyapunovRate(w, a);
            double vDot34 = net.lyapunovRateEq34(w, a);
            double cNorm = Mat64.normF(net.conserved(w, a));
            double allowed = cNorm * v + p.lyapunovSlack() * Math.abs(vDot34);
            counts[0]++;
            if (vDot > 0) {
                counts[1]++;
            }
            stats[0] = Math.max(stats[0], vDot - allowed);
            stats[1] = Math.max(stats[1], Mat64.sq(a));
            stats[2] = Math.max(stats[2], cNorm);
            stats[3] = Math.max(stats[3], Math.abs(vDot - vDot34) / Math.max(Math.abs(vDot34), Double.MIN_NORMAL));
            // V sampled at accepted steps must not grow beyond the integrator's local error.
            if (v > stats[4] * (1 + 1e-9) + 1e-15) {
                counts[2]++;
            }
            stats[4] = v;
            double rel = Mat64.normF(net.error(w, a)) / normT;
            if (Double.isNaN(times[0]) && rel < 1e-3) {
                times[0] = s.getTime();
            }
            if (Double.isNaN(times[1]) && rel < 1e-6) {
                times[1] = s.getTime();
            }
        });
        DMatrixRMaj w = net.w(res.state());
        DMatrixRMaj a = net.a(res.state());
        return new Trajectory(t, b, w, a, res.evaluations(), counts[0], counts[1], stats[0], counts[2], stats[1],
                stats[2], stats[3], v0, net.lyapunov(w, a), times[0], times[1]);
    }

    /** Runs Theorem 1 under its hypotheses (C = 0 from zero weights, B⁺B = I); requires n_o ≤ n_h. */
    public static CheckReport run(Params p) {
        return run(p, UnaryOperator.identity());
    }

    /**
     * Runs the claim with the drawn B replaced by {@code editFeedback.apply(B)}: a test hook for feeding the claim a
     * B of full shape whose B⁺B is not I (a rank-deficient B), which violates hypothesis (21) and must make it fail.
     */
    static CheckReport run(Params p, UnaryOperator<DMatrixRMaj> editFeedback) {
        if (p.nO() > p.nH()) {
            throw new IllegalArgumentException("Theorem 1 needs n_o <= n_h so that B+B = I, got n_o = " + p.nO()
                    + ", n_h = " + p.nH() + "; use runWideOutputCounterCase for n_o > n_h");
        }
        Trajectory tr = integrate(p, editFeedback);
        Reports r = new Reports("theorem-1",
                "C = 0 and B⁺B = I imply E → 0, with V = ‖BE‖² non-increasing, s = tr(AAᵀ) bounded, EAᵀ → 0, ETᵀ → 0",
                "Theorem 1, eqs. (19)-(22), Lemma 2 (34), Lemma 3 (corrected bound), (50), (51); PAPER §3.4",
                Role.CLAIM, p);
        LinearFa net = new LinearFa(tr.t(), tr.b());
        DMatrixRMaj e = net.error(tr.w(), tr.a());
        double normT = Mat64.normF(tr.t());
        double relE = Mat64.normF(e) / normT;
        double relEAt = Mat64.normF(CommonOps_DDRM.multTransB(e, tr.a(), null)) / (normT * Mat64.normF(tr.a()));
        double relETt = Mat64.normF(CommonOps_DDRM.multTransB(e, tr.t(), null)) / (normT * normT);
        double bt2 = Mat64.sq(CommonOps_DDRM.mult(tr.b(), tr.t(), null));
        double bound = Math.max(0.0, Math.max(bt2, 2.0 * p.nH() * p.nH()));
        double paperBound = bt2 + 2.0 * p.nH();
        double pinvCheck = Mat64.normF(identityGap(Mat64.mult(Mat64.pinv(tr.b()), tr.b())));
        r.measure("normBplusBMinusI", pinvCheck)
                .measure("finalRelativeError", relE)
                .measure("finalRelativeEAt", relEAt)
                .measure("finalRelativeETt", relETt)
                .measure("V0", tr.v0())
                .measure("Vend", tr.vEnd())
                .measure("timeToRelativeError1e-3", tr.timeTo1em3())
                .measure("timeToRelativeError1e-6", tr.timeTo1em6())
                .measure("evaluationsChecked", tr.steps())
                .measure("countVdotPositive", tr.positiveVdot())
                .measure("worstVdotExcessOverSlack", tr.worstVdotExcess())
                .measure("countSampledVIncreases", tr.vIncreases())
                .measure("maxRelativeGapVdotVsEq34", tr.maxVdotGap())
                .measure("maxNormC", tr.maxDriftC())
                .measure("maxS", tr.maxS())
                .measure("lemma3BoundCorrected", bound)
                .measure("lemma3BoundAsPrinted", paperBound)
                .measure("integratorEvaluations", tr.evaluations());
        r.require("normBplusBMinusI", 1e-10, pinvCheck <= 1e-10)
                .require("finalRelativeError", p.errorTolerance(), relE <= p.errorTolerance())
                .require("finalRelativeEAt", p.errorTolerance(), relEAt <= p.errorTolerance())
                .require("finalRelativeETt", p.errorTolerance(), relETt <= p.errorTolerance())
                .require("worstVdotExcessOverSlack", 0.0, tr.worstVdotExcess() <= 0)
                .require("countSampledVIncreases", 0.0, tr.vIncreases() == 0)
                .require("maxS", bound, tr.maxS() <= bound);
        r.note("Lemma-3 bound used in its corrected form max(s(0), ‖BT‖², 2n_h²); the printed ‖BT‖² + 2n_h is "
                + "reported for comparison only (PAPER §3.4).");
        r.note("V̇ is evaluated in closed form, 2 tr(B Ė Eᵀ Bᵀ) with Ė = −EAᵀA − WBE, at every accepted step of "
                + "Dormand–Prince 8(5,3) and at three interior points of each step; eq. (34) is the same quantity once "
                + "C = 0.");
        r.note("Zero initial weights give C = 0 exactly, and the flow still starts because Ȧ = BT ≠ 0.");
        String vDot = tr.positiveVdot() == 0
                ? String.format(Locale.ROOT, "V̇ ≤ 0 at all %d evaluation points", tr.steps())
                : String.format(Locale.ROOT, "V̇ > 0 at %d of %d evaluation points, %s", tr.positiveVdot(),
                        tr.steps(), tr.worstVdotExcess() <= 0 ? "all within the slack"
                                : String.format(Locale.ROOT, "beyond the slack by up to %.1e", tr.worstVdotExcess()));
        return r.build(String.format(Locale.ROOT,
                "From W = A = 0, ‖E‖/‖T‖ %s; %s (%d sampled increases); max s = %.1f %s the corrected bound %.1f.",
                errorHistory(tr, relE, p.timeSpan()), vDot, tr.vIncreases(), tr.maxS(),
                tr.maxS() <= bound ? "under" : "above", bound));
    }

    /**
     * When ‖E‖/‖T‖ first fell below 1e-3 and 1e-6, or by which time {@code horizon} it had not, and its final value.
     * A time is NaN when the threshold was never crossed; 1e-6 is never crossed before 1e-3 (same sample points).
     */
    private static String errorHistory(Trajectory tr, double relE, double horizon) {
        if (Double.isNaN(tr.timeTo1em3())) {
            return String.format(Locale.ROOT, "did not fall below 1e-3 by t = %.2f, where it was %.2e", horizon,
                    relE);
        }
        if (Double.isNaN(tr.timeTo1em6())) {
            return String.format(Locale.ROOT, "fell below 1e-3 at t = %.2f but did not fall below 1e-6 by t = %.2f, "
                    + "where it was %.2e", tr.timeTo1em3(), horizon, relE);
        }
        return String.format(Locale.ROOT, "fell below 1e-3 at t = %.2f and below 1e-6 at t = %.2f, and was %.2e at "
                + "t = %.2f", tr.timeTo1em3(), tr.timeTo1em6(), relE, horizon);
    }

    /**
     * Counter-case for hypothesis (21): with n_o &gt; n_h, B⁺B is a rank-n_h projection, not I. E cannot reach 0
     * (rank W A ≤ n_h &lt; rank T): the check reports the residual floor against the best rank-n_h error (Eckart–Young)
     * and which part of E survives, split into the row space of B (seen by the feedback) and the null space of B.
     */
    public static CheckReport runWideOutputCounterCase(Params p) {
        if (p.nO() <= p.nH()) {
            throw new IllegalArgumentException("the counter-case needs n_o > n_h, got n_o = " + p.nO() + ", n_h = "
                    + p.nH());
        }
        Trajectory tr = integrate(p, UnaryOperator.identity());
        Reports r = new Reports("theorem-1-counter-wide-output",
                "Without B⁺B = I (n_o > n_h) E does not go to 0",
                "Theorem 1 hypothesis (21); PAPER §3.4", Role.COUNTER_CASE, p)
                .predictedFailure("E stays bounded away from 0: its norm stays at or above the best rank-n_h "
                        + "residual of T, and the part of E that B cannot see (its null space) survives.");
        LinearFa net = new LinearFa(tr.t(), tr.b());
        DMatrixRMaj e = net.error(tr.w(), tr.a());
        double normT = Mat64.normF(tr.t());
        double relE = Mat64.normF(e) / normT;
        double[] sv = Mat64.singularValues(tr.t());
        double floor2 = 0;
        for (int i = p.nH(); i < sv.length; i++) {
            floor2 += sv[i] * sv[i];
        }
        double relFloor = Math.sqrt(floor2) / normT;
        DMatrixRMaj proj = Mat64.mult(Mat64.pinv(tr.b()), tr.b()); // projector onto the row space of B
        DMatrixRMaj seen = Mat64.mult(proj, e);
        DMatrixRMaj unseen = e.copy();
        CommonOps_DDRM.subtractEquals(unseen, seen);
        double e2 = Mat64.sq(e);
        double fracUnseen = Mat64.sq(unseen) / e2;
        double relBE = Mat64.normF(Mat64.mult(tr.b(), e)) / (Mat64.normF(tr.b()) * Mat64.normF(e));
        double pinvGap = Mat64.normF(identityGap(proj));
        r.measure("normBplusBMinusI", pinvGap)
                .measure("finalRelativeError", relE)
                .measure("eckartYoungRelativeFloor", relFloor)
                .measure("fractionOfErrorInNullSpaceOfB", fracUnseen)
                .measure("relativeNormBE", relBE)
                .measure("Vend", tr.vEnd())
                .measure("countSampledVIncreases", tr.vIncreases())
                .measure("worstVdotExcessOverSlack", tr.worstVdotExcess());
        r.require("normBplusBMinusI", 0.5, pinvGap > 0.5)
                .require("finalRelativeError", relFloor, relE >= relFloor * (1 - 1e-9) && relE > p.errorTolerance());
        r.note("Lemma 2 does not use (21), so V = ‖BE‖² still decreases; it is reported, not required.");
        return r.build(String.format(Locale.ROOT,
                "With n_o = %d > n_h = %d, ‖E‖/‖T‖ stalls at %.3f (best rank-%d residual %.3f); %.1f%% of ‖E‖² lies in "
                        + "the null space of B and ‖BE‖/(‖B‖‖E‖) = %.1e: FA removes only what B can see.",
                p.nO(), p.nH(), relE, p.nH(), relFloor, 100 * fracUnseen, relBE));
    }

    private static DMatrixRMaj identityGap(DMatrixRMaj m) {
        DMatrixRMaj g = m.copy();
        for (int i = 0; i < Math.min(g.numRows, g.numCols); i++) {
            g.add(i, i, -1.0);
        }
        return g;
    }
}
