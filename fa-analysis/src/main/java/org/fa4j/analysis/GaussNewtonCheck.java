package org.fa4j.analysis;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Check of Proof #2 (Supplement; pseudobackprop ≈ Gauss–Newton, eqs. 52–58; PAPER §3.5). For h = σ(A x) with the
 * logistic σ and linear outputs y = W h (52), one pseudobackprop step on A,
 * ΔA = η (Dσ ∘ W⁺e) xᵀ (55), changes h to first order by η (Dσ)² (xᵀx) Δh_GN element by element (56–58), where
 * Δh_GN = W⁺e is the Gauss–Newton step on h (53). The check measures the actual change σ((A + ΔA)x) − σ(Ax) against
 * that prediction and shows the relative error shrinks ∝ η (it is the second-order remainder).
 *
 * <p>Sign convention (PAPER §3.5): the paper writes Δh_GN = −e_h⁺e with e = y − y*; here e = y* − y as everywhere
 * else in fa4j, so Δh_GN = +W⁺e and ΔA_PBP carries a plus sign. Also checked: W⁺e is the Gauss–Newton step, i.e. it
 * equals the minimum-norm solution (WᵀW)⁺Wᵀe of the normal equations. Proof numbering follows the Supplement (Proof #2
 * is Gauss–Newton; the main text calls it "Proof 3").
 */
public final class GaussNewtonCheck {
    private GaussNewtonCheck() {
    }

    /**
     * Parameters.
     *
     * @param nI            inputs
     * @param nH            hidden (logistic) units
     * @param nO            linear outputs (n_o ≤ n_h so that W⁺ is a right inverse)
     * @param etas          learning rates
     * @param trials        independent random draws of (A, W, x, y*); the worst is reported
     * @param seed          seed
     * @param maxRelativeErrorAtSmallestEta largest accepted ‖Δh − prediction‖/‖prediction‖ at the smallest η
     * @param slopeTolerance largest accepted |slope − 1| of log(relative error) against log(η)
     */
    public record Params(int nI, int nH, int nO, List<Double> etas, int trials, long seed,
            double maxRelativeErrorAtSmallestEta, double slopeTolerance) {
        /** Validates every component and copies {@code etas}. */
        public Params {
            Checks.layerSizes(nI, nH, nO);
            etas = Checks.learningRates("etas", etas);
            Checks.atLeast("trials", trials, 1);
            Checks.nonNegative("maxRelativeErrorAtSmallestEta", maxRelativeErrorAtSmallestEta);
            Checks.nonNegative("slopeTolerance", slopeTolerance);
        }

        /** A 30-20-10 network, η ∈ {1e-2, …, 1e-5}, 5 draws. */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().nI(nI).nH(nH).nO(nO).etas(etas).trials(trials).seed(seed)
                    .maxRelativeErrorAtSmallestEta(maxRelativeErrorAtSmallestEta).slopeTolerance(slopeTolerance);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private int nI = 30;
            private int nH = 20;
            private int nO = 10;
            private List<Double> etas = List.of(1e-2, 1e-3, 1e-4, 1e-5);
            private int trials = 5;
            private long seed = 3L;
            private double maxRelativeErrorAtSmallestEta = 1e-3;
            private double slopeTolerance = 0.1;

            private Builder() {
            }

            /** Inputs n_i (default 30, the paper's Task 1). */
            public Builder nI(int v) { this.nI = v; return this; }

            /** Logistic hidden units n_h (default 20). */
            public Builder nH(int v) { this.nH = v; return this; }

            /** Linear outputs n_o, at most n_h so that W⁺ is a right inverse (default 10). */
            public Builder nO(int v) { this.nO = v; return this; }

            /** Learning rates η of the one pseudobackprop step, at least two for the slope (default 1e-2 to 1e-5). */
            public Builder etas(List<Double> v) { this.etas = v; return this; }

            /** Independent random draws of (A, W, x, y*); the worst is reported (default 5). */
            public Builder trials(int v) { this.trials = v; return this; }

            /** Seed of the draws (default 3). */
            public Builder seed(long v) { this.seed = v; return this; }

            /** Largest accepted ‖Δh − prediction‖/‖prediction‖ at the smallest η (default 1e-3). */
            public Builder maxRelativeErrorAtSmallestEta(double v) {
                this.maxRelativeErrorAtSmallestEta = v;
                return this;
            }

            /** Largest accepted |slope − 1| of log(relative error) against log(η) (default 0.1). */
            public Builder slopeTolerance(double v) { this.slopeTolerance = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(nI, nH, nO, etas, trials, seed, maxRelativeErrorAtSmallestEta, slopeTolerance);
            }
        }
    }

    /** Runs the check. */
    public static CheckReport run(Params p) {
        return run(p, 1.0);
    }

    /**
     * Runs the check with the predicted change of h taken along {@code gnSign}·W⁺e: a test hook. With −1, the paper's
     * Δh_GN = −e_h⁺e read with fa4j's e = y* − y, the prediction has the wrong sign and the check must fail.
     */
    static CheckReport run(Params p, double gnSign) {
        if (p.nO() > p.nH()) {
            throw new IllegalArgumentException("Proof #2 needs n_o <= n_h (W W+ = I), got n_o = " + p.nO()
                    + ", n_h = " + p.nH());
        }
        int n = p.etas().size();
        double[] eta = new double[n];
        double[] worstNorm = new double[n];
        double[] worstElem = new double[n];
        double worstGnGap = 0;
        boolean allPositiveFactors = true;
        SplittableRandom rnd = new SplittableRandom(p.seed());
        for (int trial = 0; trial < p.trials(); trial++) {
            SplittableRandom tr = rnd.split();
            double scale = 1 / Math.sqrt(p.nI());
            DMatrixRMaj a = Mat64.uniform(p.nH(), p.nI(), -scale, scale, tr);
            DMatrixRMaj w = Mat64.uniform(p.nO(), p.nH(), -1, 1, tr);
            double[] x = new double[p.nI()];
            Mat64.gaussian(x, tr);
            double[] target = Mat64.uniform(p.nO(), 1, -1, 1, tr).data;
            double[] z = new double[p.nH()];
            Mat64.mult(a, x, z);
            double[] h = new double[p.nH()];
            double[] d = new double[p.nH()];
            for (int i = 0; i < p.nH(); i++) {
                h[i] = logistic(z[i]);
                d[i] = h[i] * (1 - h[i]); // Dσ_i
            }
            double[] y = new double[p.nO()];
            Mat64.mult(w, h, y);
            double[] e = new double[p.nO()];
            for (int k = 0; k < p.nO(); k++) {
                e[k] = target[k] - y[k];
            }
            double[] gn = new double[p.nH()];
            Mat64.mult(Mat64.pinv(w), e, gn); // eq. (53), Δh_GN = W⁺e for e = y* − y
            // Independent Gauss–Newton step: minimum-norm solution of the normal equations (WᵀW) Δh = Wᵀe.
            DMatrixRMaj wtw = CommonOps_DDRM.multTransA(w, w, null);
            double[] wte = new double[p.nH()];
            Mat64.multTrans(w, e, wte);
            double[] gn2 = new double[p.nH()];
            Mat64.mult(Mat64.pinv(wtw), wte, gn2);
            double gap = 0;
            for (int i = 0; i < p.nH(); i++) {
                gap = Math.max(gap, Math.abs(gn[i] - gn2[i]));
            }
            worstGnGap = Math.max(worstGnGap, gap / Mat64.norm(gn));
            double xx = Mat64.dot(x, x, x.length);
            double[] delta = new double[p.nH()];
            for (int k = 0; k < n; k++) {
                eta[k] = p.etas().get(k);
                for (int i = 0; i < p.nH(); i++) {
                    delta[i] = eta[k] * d[i] * gn[i]; // ΔA = δ xᵀ, eq. (55)
                }
                DMatrixRMaj aNew = a.copy();
                Mat64.addOuter(aNew, 1.0, delta, x);
                double[] zNew = new double[p.nH()];
                Mat64.mult(aNew, x, zNew);
                double num = 0;
                double den = 0;
                double elem = 0;
                for (int i = 0; i < p.nH(); i++) {
                    double actual = logistic(zNew[i]) - h[i];
                    double predicted = gnSign * eta[k] * d[i] * d[i] * xx * gn[i]; // eq. (58)
                    num += (actual - predicted) * (actual - predicted);
                    den += predicted * predicted;
                    elem = Math.max(elem, Math.abs(actual - predicted) / Math.abs(predicted));
                    if (actual / gn[i] <= 0) {
                        allPositiveFactors = false;
                    }
                }
                worstNorm[k] = Math.max(worstNorm[k], Math.sqrt(num / den));
                worstElem[k] = Math.max(worstElem[k], elem);
            }
        }
        double slope = Mat64.logLogSlope(eta, worstNorm);
        int smallest = 0;
        for (int k = 1; k < n; k++) {
            if (eta[k] < eta[smallest]) {
                smallest = k;
            }
        }
        Reports r = new Reports("proof-2-gauss-newton",
                "Sigmoid hidden layer, linear outputs: PBP changes h by η(Dσ)²(xᵀx)Δh_GN element by element, to O(η²)",
                "Supplement Proof #2, eqs. (52)-(58); PAPER §3.5", Role.CLAIM, p);
        r.measure("etas", p.etas())
                .measure("relativeErrorNorm", ConservationLawCheck.toList(worstNorm))
                .measure("relativeErrorMaxElement", ConservationLawCheck.toList(worstElem))
                .measure("slope", slope)
                .measure("gaussNewtonNormalEquationsGap", worstGnGap)
                .measure("elementFactorsPositive", allPositiveFactors);
        r.require("relativeErrorNormAtSmallestEta", p.maxRelativeErrorAtSmallestEta(),
                        worstNorm[smallest] <= p.maxRelativeErrorAtSmallestEta())
                .require("relativeErrorMaxElementAtSmallestEta", p.maxRelativeErrorAtSmallestEta(),
                        worstElem[smallest] <= p.maxRelativeErrorAtSmallestEta())
                .require("slope", p.slopeTolerance(), Math.abs(slope - 1) <= p.slopeTolerance())
                .require("gaussNewtonNormalEquationsGap", 1e-9, worstGnGap <= 1e-9)
                .require("elementFactorsPositive", 0, allPositiveFactors);
        r.note("Sign convention: e = y* − y, so Δh_GN = +W⁺e (the paper's −e_h⁺e uses e = y − y*).");
        r.note("Proof numbering as in the Supplement: Proof #2 is Gauss–Newton (the main text says Proof 3).");
        return r.build(String.format(Locale.ROOT,
                "Relative error of the first-order prediction (worst of %d draws): %s for η = %s; log-log slope %.3f.",
                p.trials(), fmt(worstNorm), p.etas(), slope));
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2e", v[i]));
        }
        return sb.append(']').toString();
    }
}
