package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Check of the conservation law, eq. (14) (Supplement Proof #1, PAPER §3.3): along the continuous-time feedback
 * alignment dynamics Ẇ = E Aᵀ (12), Ȧ = B E (13) the matrix {@code C(t) = B W + Wᵀ Bᵀ − A Aᵀ} is constant; under the
 * discrete updates it drifts by O(η) over a fixed span of continuous time.
 *
 * <p>Two discrete variants are measured, both over the same continuous time span τ (so ⌈τ/η⌉ steps):
 * <ul>
 *   <li>expected (large-batch) updates (10)–(11), i.e. whitened inputs with E[xxᵀ] = I. One step changes C by exactly
 *       −η² B E Eᵀ Bᵀ, so the drift is ≈ η ∫ B E Eᵀ Bᵀ dt: first order in η;</li>
 *   <li>per-example updates (6)–(7) with x ~ N(0, I). The first-order terms cancel example by example as well; one
 *       step changes C by −η² ‖x‖² B e eᵀ Bᵀ, so the drift is again O(η), about (n_i + 2) times larger.</li>
 * </ul>
 * The check passes when the continuous drift is at integrator level and the fitted log-log slope of drift against η
 * is within {@code slopeTolerance} of 1: over all η for the expected updates, and over the two smallest η for the
 * per-example updates (at η = 1e-2 a per-example step moves the weights by η‖x‖² ≈ 0.3 of the error, outside the
 * small-η regime; its slope over all η is reported too).
 */
public final class ConservationLawCheck {
    private ConservationLawCheck() {
    }

    /**
     * Parameters.
     *
     * @param nI             inputs
     * @param nH             hidden units
     * @param nO             outputs
     * @param initScale      W and A start uniform on [−initScale, initScale] (so C ≠ 0 in general)
     * @param timeSpan       continuous time τ integrated; discrete runs take ⌈τ/η⌉ steps
     * @param etas           learning rates for the discrete drift
     * @param seed           seed for T ~ U[−1,1], B ~ U[−0.5,0.5], the initial weights and the inputs
     * @param relTol         relative tolerance of the Dormand–Prince 8(5,3) integrator
     * @param absTol         absolute tolerance of the integrator
     * @param continuousTolerance largest accepted ‖C(t) − C(0)‖_F / max_t ‖A Aᵀ‖_F along the ODE
     * @param slopeTolerance largest accepted |slope − 1| of log(drift) against log(η)
     */
    public record Params(int nI, int nH, int nO, double initScale, double timeSpan, List<Double> etas, long seed,
            double relTol, double absTol, double continuousTolerance, double slopeTolerance) {
        /** Validates every component and copies {@code etas}. */
        public Params {
            Checks.layerSizes(nI, nH, nO);
            Checks.nonNegative("initScale", initScale);
            Checks.positive("timeSpan", timeSpan);
            etas = Checks.learningRates("etas", etas);
            Checks.integratorTolerances(relTol, absTol);
            Checks.nonNegative("continuousTolerance", continuousTolerance);
            Checks.nonNegative("slopeTolerance", slopeTolerance);
        }

        /** Task-1 shapes (30-20-10), initial scale 0.1, τ = 1, η ∈ {1e-2, 1e-3, 1e-4}. */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().nI(nI).nH(nH).nO(nO).initScale(initScale).timeSpan(timeSpan).etas(etas).seed(seed)
                    .relTol(relTol).absTol(absTol).continuousTolerance(continuousTolerance)
                    .slopeTolerance(slopeTolerance);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private int nI = 30;
            private int nH = 20;
            private int nO = 10;
            private double initScale = 0.1;
            private double timeSpan = 1.0;
            private List<Double> etas = List.of(1e-2, 1e-3, 1e-4);
            private long seed = 14L;
            private double relTol = 1e-12;
            private double absTol = 1e-12;
            private double continuousTolerance = 1e-9;
            private double slopeTolerance = 0.1;

            private Builder() {
            }

            /** Inputs n_i (default 30, the paper's Task 1). */
            public Builder nI(int v) { this.nI = v; return this; }

            /** Hidden units n_h (default 20, the paper's Task 1). */
            public Builder nH(int v) { this.nH = v; return this; }

            /** Outputs n_o (default 10, the paper's Task 1). */
            public Builder nO(int v) { this.nO = v; return this; }

            /** Half-width of the uniform initial W and A, so C(0) ≠ 0 (default 0.1). */
            public Builder initScale(double v) { this.initScale = v; return this; }

            /** Continuous time τ integrated; each discrete run takes ⌈τ/η⌉ steps (default 1). */
            public Builder timeSpan(double v) { this.timeSpan = v; return this; }

            /** Learning rates η of the discrete runs, at least two for the slope (default 1e-2, 1e-3, 1e-4). */
            public Builder etas(List<Double> v) { this.etas = v; return this; }

            /** Seed of T, B, the initial weights and the inputs (default 14). */
            public Builder seed(long v) { this.seed = v; return this; }

            /** Relative tolerance of the Dormand–Prince 8(5,3) integrator (default 1e-12). */
            public Builder relTol(double v) { this.relTol = v; return this; }

            /** Absolute tolerance of the integrator (default 1e-12). */
            public Builder absTol(double v) { this.absTol = v; return this; }

            /** Largest accepted ‖C(t) − C(0)‖_F / max ‖AAᵀ‖_F along the ODE (default 1e-9). */
            public Builder continuousTolerance(double v) { this.continuousTolerance = v; return this; }

            /** Largest accepted |slope − 1| of log(drift) against log(η); O(η) drift has slope 1 (default 0.1). */
            public Builder slopeTolerance(double v) { this.slopeTolerance = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(nI, nH, nO, initScale, timeSpan, etas, seed, relTol, absTol, continuousTolerance,
                        slopeTolerance);
            }
        }
    }

    /** Runs the check. */
    public static CheckReport run(Params p) {
        return run(p, UnaryOperator.identity());
    }

    /**
     * Runs the check with C built from {@code feedbackInC.apply(B)} instead of the B that trains A: a test hook (the
     * law holds only for the feedback matrix actually used, so any other matrix must make the check fail).
     */
    static CheckReport run(Params p, UnaryOperator<DMatrixRMaj> feedbackInC) {
        SplittableRandom rnd = new SplittableRandom(p.seed());
        DMatrixRMaj t = Mat64.uniform(p.nO(), p.nI(), -1, 1, rnd.split());
        DMatrixRMaj b = Mat64.uniform(p.nH(), p.nO(), -0.5, 0.5, rnd.split());
        SplittableRandom init = rnd.split();
        DMatrixRMaj w0 = Mat64.uniform(p.nO(), p.nH(), -p.initScale(), p.initScale(), init);
        DMatrixRMaj a0 = Mat64.uniform(p.nH(), p.nI(), -p.initScale(), p.initScale(), init);
        SplittableRandom data = rnd.split();
        LinearFa net = new LinearFa(t, b);
        LinearFa law = new LinearFa(t, feedbackInC.apply(b.copy())); // the training B unless a test replaces it
        DMatrixRMaj c0 = law.conserved(w0, a0);

        Reports r = new Reports("conservation-law",
                "C = BW + WᵀBᵀ − AAᵀ is constant along Ẇ = EAᵀ, Ȧ = BE, and drifts by O(η) under discrete FA",
                "eq. (14) with (5), (6)-(7), (10)-(13); Supplement Proof #1; PAPER §3.3", Role.CLAIM, p);

        // Continuous time.
        double[] maxDrift = {0};
        double[] maxScale = {Mat64.normF(CommonOps_DDRM.multTransB(a0, a0, null))};
        Ode.Result ode = Ode.integrate(net.ode(), net.pack(w0, a0), p.timeSpan(), p.relTol(), p.absTol(), s -> {
            double[] y = s.getPrimaryState();
            DMatrixRMaj a = net.a(y);
            DMatrixRMaj c = law.conserved(net.w(y), a);
            CommonOps_DDRM.subtractEquals(c, c0);
            maxDrift[0] = Math.max(maxDrift[0], Mat64.normF(c));
            maxScale[0] = Math.max(maxScale[0], Mat64.normF(CommonOps_DDRM.multTransB(a, a, null)));
        });
        double relDrift = maxDrift[0] / maxScale[0];
        DMatrixRMaj wEnd = net.w(ode.state());
        DMatrixRMaj aEnd = net.a(ode.state());
        double nseStart = Mat64.sq(net.error(w0, a0)) / Mat64.sq(t);
        double nseEnd = Mat64.sq(net.error(wEnd, aEnd)) / Mat64.sq(t);
        r.measure("normC0", Mat64.normF(c0))
                .measure("continuousMaxDrift", maxDrift[0])
                .measure("continuousScaleMaxNormAAt", maxScale[0])
                .measure("continuousRelativeDrift", relDrift)
                .measure("continuousSteps", ode.steps())
                .measure("continuousEvaluations", ode.evaluations())
                .measure("nseAtStart", nseStart)
                .measure("nseAtEndOfSpan", nseEnd);
        r.require("continuousRelativeDrift", p.continuousTolerance(), relDrift <= p.continuousTolerance());

        // Discrete time, same span.
        int n = p.etas().size();
        double[] eta = new double[n];
        double[] expectedDrift = new double[n];
        double[] exampleDrift = new double[n];
        List<Integer> stepCounts = new ArrayList<>();
        double[] x = new double[p.nI()];
        double[] h = new double[p.nH()];
        double[] y = new double[p.nO()];
        double[] e = new double[p.nO()];
        double[] be = new double[p.nH()];
        for (int k = 0; k < n; k++) {
            eta[k] = p.etas().get(k);
            long steps = Math.round(Math.ceil(p.timeSpan() / eta[k] - 1e-9));
            stepCounts.add((int) steps);
            DMatrixRMaj w = w0.copy();
            DMatrixRMaj a = a0.copy();
            for (long s = 0; s < steps; s++) {
                net.expectedStep(w, a, eta[k]);
            }
            expectedDrift[k] = drift(law, w, a, c0);
            w = w0.copy();
            a = a0.copy();
            SplittableRandom stream = data.split();
            for (long s = 0; s < steps; s++) {
                Mat64.gaussian(x, stream);
                net.exampleStep(w, a, eta[k], x, h, y, e, be);
            }
            exampleDrift[k] = drift(law, w, a, c0);
        }
        double slopeExpected = Mat64.logLogSlope(eta, expectedDrift);
        double slopeExample = Mat64.logLogSlope(eta, exampleDrift);
        // The per-example run at the largest η is outside the small-η regime (η‖x‖² ≈ η·n_i), so its slope is also
        // fitted on the two smallest rates, where the O(η) law is asymptotic.
        int[] order = smallestTwo(eta);
        double slopeExampleSmall = Mat64.logLogSlope(new double[] {eta[order[0]], eta[order[1]]},
                new double[] {exampleDrift[order[0]], exampleDrift[order[1]]});
        double ratio = exampleDrift[order[0]] / expectedDrift[order[0]];
        r.measure("etas", p.etas())
                .measure("steps", stepCounts)
                .measure("driftExpectedUpdates", toList(expectedDrift))
                .measure("driftPerExampleUpdates", toList(exampleDrift))
                .measure("slopeExpectedUpdates", slopeExpected)
                .measure("slopePerExampleUpdates", slopeExample)
                .measure("slopePerExampleUpdatesTwoSmallestEtas", slopeExampleSmall)
                .measure("perExampleOverExpectedDriftAtSmallestEta", ratio)
                .measure("predictedRatioNiPlus2", p.nI() + 2.0);
        r.require("slopeExpectedUpdates", p.slopeTolerance(), Math.abs(slopeExpected - 1) <= p.slopeTolerance());
        r.require("slopePerExampleUpdatesTwoSmallestEtas", p.slopeTolerance(),
                Math.abs(slopeExampleSmall - 1) <= p.slopeTolerance());
        r.note("Drift is ‖C(τ) − C(0)‖_F after ⌈τ/η⌉ steps. Expected updates use E[xxᵀ] = I (eqs. 10-11); "
                + "per-example updates draw x ~ N(0, I) (eqs. 6-7), one fixed input stream per η.");
        r.note("C = BW(0) + W(0)ᵀBᵀ − A(0)A(0)ᵀ here is nonzero: the law holds for any C.");
        return r.build(String.format(java.util.Locale.ROOT,
                "Along the ODE C moved by %.2e relative to ‖AAᵀ‖; discrete drift slope %.3f (expected updates) and "
                        + "%.3f (per-example updates; %.3f on the two smallest η) against η.", relDrift, slopeExpected,
                slopeExample, slopeExampleSmall));
    }

    private static int[] smallestTwo(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (i, j) -> Double.compare(v[i], v[j]));
        return new int[] {idx[0], idx[1]};
    }

    private static double drift(LinearFa law, DMatrixRMaj w, DMatrixRMaj a, DMatrixRMaj c0) {
        DMatrixRMaj c = law.conserved(w, a);
        CommonOps_DDRM.subtractEquals(c, c0);
        return Mat64.normF(c);
    }

    static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
