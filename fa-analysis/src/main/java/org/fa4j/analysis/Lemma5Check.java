package org.fa4j.analysis;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Check of Lemma 5 and Theorem 2 (Supplement Proof #3, "B acts like the pseudoinverse of W"; PAPER §3.6): a linear
 * network h = A x, y = W h trained by FA on one pair (x, ỹ) from zero weights with ΔW = η e hᵀ and
 * ΔA = (η / xᵀx) B e xᵀ (eqs. 63–64, so that h moves by exactly η B e, eqs. 65–69). At every step:
 * <ul>
 *   <li>h ∥ B ỹ (70) and W ∥ ỹ (B ỹ)ᵀ (71), with the scalars s_h, s_w of the recurrences (76)–(77);</li>
 *   <li>from step 2 on (counting the zero initial state as step 0; W ≠ 0 from there) angle(Δh_FA, Δh_PBP) = 0 to
 *       floating-point precision, where Δh_FA = η B e and
 *       Δh_PBP = W⁺ e, and Δh_FA = k·Δh_PBP with the positive scalar k = η·s_w·‖B ỹ‖².</li>
 * </ul>
 * <p>Corrections (PAPER §3.6): the paper writes the scalar as (Bỹ)ᵀ(Bỹ); with ((Bỹ)ᵀ)⁺ = Bỹ/‖Bỹ‖² and
 * W⁺ = Bỹ ỹᵀ/(s_w ‖ỹ‖² ‖Bỹ‖²) the correct factor is η·s_w·‖Bỹ‖². The paper's second "Δ_FA h = η(1 − s_y)W⁺ỹ" should
 * read Δ_PBP h. At steps 0 and 1, W = 0, so W⁺e = 0 and the statement is vacuous.
 *
 * <p>"To floating-point precision" is made precise: e = ỹ − y carries rounding noise of size ≈ ε‖ỹ‖, on which B and
 * W⁺ act differently, so the angle and the scalar gap are measured in units of ε‖ỹ‖/‖e‖ and must stay O(1)
 * (≤ {@code roundingUnits}). The run stops when ‖e‖/‖ỹ‖ falls below {@code stopRelativeError}.
 */
public final class Lemma5Check {
    private Lemma5Check() {
    }

    /**
     * Parameters.
     *
     * @param nI                inputs
     * @param nH                hidden units
     * @param nO                outputs
     * @param eta               η of eqs. (66)–(69)
     * @param maxSteps          step budget
     * @param stopRelativeError stop once ‖e‖/‖ỹ‖ is below this
     * @param seed              seed for x ~ N(0, I), ỹ ~ U[−1, 1], B ~ U[−0.5, 0.5]
     * @param parallelTolerance largest accepted relative distance of h, W from their predicted directions and scales
     * @param roundingUnits     largest accepted angle(Δh_FA, Δh_PBP) (radians) and relative gap between the fitted
     *                          k and
     *                          η·s_w·‖Bỹ‖², both in units of the rounding level ε·‖ỹ‖/‖e‖ of the current error
     */
    public record Params(int nI, int nH, int nO, double eta, int maxSteps, double stopRelativeError, long seed,
            double parallelTolerance, double roundingUnits) {
        /** Validates every component. */
        public Params {
            Checks.layerSizes(nI, nH, nO);
            Checks.positive("eta", eta);
            Checks.atLeast("maxSteps", maxSteps, 1);
            Checks.nonNegative("stopRelativeError", stopRelativeError);
            Checks.nonNegative("parallelTolerance", parallelTolerance);
            Checks.nonNegative("roundingUnits", roundingUnits);
        }

        /** Task-1 shapes 30-20-10, η = 0.05, at most 2000 steps, stop at ‖e‖/‖ỹ‖ &lt; 1e-6. */
        public static Params defaults() {
            return newBuilder().build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder newBuilder() {
            return new Builder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder().nI(nI).nH(nH).nO(nO).eta(eta).maxSteps(maxSteps).stopRelativeError(stopRelativeError)
                    .seed(seed).parallelTolerance(parallelTolerance).roundingUnits(roundingUnits);
        }

        /** Builds {@link Params}; {@link #build()} validates as the constructor does. */
        public static final class Builder {
            private int nI = 30;
            private int nH = 20;
            private int nO = 10;
            private double eta = 0.05;
            private int maxSteps = 2000;
            private double stopRelativeError = 1e-6;
            private long seed = 5L;
            private double parallelTolerance = 1e-12;
            private double roundingUnits = 100;

            private Builder() {
            }

            /** Inputs n_i (default 30, the paper's Task 1). */
            public Builder nI(int v) { this.nI = v; return this; }

            /** Hidden units n_h (default 20, the paper's Task 1). */
            public Builder nH(int v) { this.nH = v; return this; }

            /** Outputs n_o (default 10, the paper's Task 1). */
            public Builder nO(int v) { this.nO = v; return this; }

            /** Learning rate η of W in eqs. (63)–(69); A learns at η / xᵀx (default 0.05). */
            public Builder eta(double v) { this.eta = v; return this; }

            /** Budget of FA steps on the one pair (default 2000). */
            public Builder maxSteps(int v) { this.maxSteps = v; return this; }

            /** The run stops once ‖e‖/‖ỹ‖ is below this; 0 runs the whole budget (default 1e-6). */
            public Builder stopRelativeError(double v) { this.stopRelativeError = v; return this; }

            /** Seed of x ~ N(0, I), ỹ ~ U[−1, 1] and B ~ U[−0.5, 0.5] (default 5). */
            public Builder seed(long v) { this.seed = v; return this; }

            /** Largest accepted relative distance of h and W from their predicted rays (70)–(71) (default 1e-12). */
            public Builder parallelTolerance(double v) { this.parallelTolerance = v; return this; }

            /** Largest accepted FA/PBP angle and k gap, in rounding units ε‖ỹ‖/‖e‖ (default 100). */
            public Builder roundingUnits(double v) { this.roundingUnits = v; return this; }

            /** The parameters, validated. */
            public Params build() {
                return new Params(nI, nH, nO, eta, maxSteps, stopRelativeError, seed, parallelTolerance,
                        roundingUnits);
            }
        }
    }

    /** The scalar k of Δh_FA = k·Δh_PBP that the check tests. */
    enum Scalar {
        /** η·s_w·‖Bỹ‖², the corrected scalar (PAPER §3.6). */
        CORRECTED,
        /** (Bỹ)ᵀ(Bỹ) = ‖Bỹ‖², as printed in the paper: wrong by the factor η·s_w. */
        AS_PRINTED;

        double of(double eta, double sw, double by2) {
            return this == CORRECTED ? eta * sw * by2 : by2;
        }
    }

    /** Runs the check. */
    public static CheckReport run(Params p) {
        return run(p, Scalar.CORRECTED);
    }

    /** Runs the check against the scalar {@code scalar} (a test hook: the printed scalar must make it fail). */
    static CheckReport run(Params p, Scalar scalar) {
        SplittableRandom rnd = new SplittableRandom(p.seed());
        double[] x = new double[p.nI()];
        Mat64.gaussian(x, rnd.split());
        DMatrixRMaj yTilde = Mat64.uniform(p.nO(), 1, -1, 1, rnd.split());
        DMatrixRMaj b = Mat64.uniform(p.nH(), p.nO(), -0.5, 0.5, rnd.split());
        double[] yt = yTilde.data;
        double[] by = new double[p.nH()];
        Mat64.mult(b, yt, by);
        double by2 = Mat64.dot(by, by, by.length);
        DMatrixRMaj m = new DMatrixRMaj(p.nO(), p.nH()); // ỹ (Bỹ)ᵀ
        Mat64.addOuter(m, 1.0, yt, by);
        double xx = Mat64.dot(x, x, x.length);
        double etaA = p.eta() / xx; // eq. (65): η_A = η_W / xᵀx

        DMatrixRMaj w = new DMatrixRMaj(p.nO(), p.nH());
        DMatrixRMaj a = new DMatrixRMaj(p.nH(), p.nI());
        double sh = 0;
        double sw = 0;
        double[] h = new double[p.nH()];
        double[] hNext = new double[p.nH()];
        double[] y = new double[p.nO()];
        double[] e = new double[p.nO()];
        double[] be = new double[p.nH()];
        double[] fa = new double[p.nH()];
        double[] pbp = new double[p.nH()];
        double maxHGap = 0;
        double maxWGap = 0;
        double maxStepGap = 0;
        double maxAngle = 0;
        double maxScalarGap = 0;
        double maxAngleUnits = 0;
        double maxScalarGapUnits = 0;
        double minScalar = Double.POSITIVE_INFINITY;
        int anglesMeasured = 0;
        int steps = 0;
        double relErr = 1;
        // Step t = 0 is the zero initial state; W = 0 at t = 0 and t = 1 (h = 0 at t = 0, so the first ΔW vanishes).
        for (int step = 0; step < p.maxSteps(); step++) {
            Mat64.mult(a, x, h);
            Mat64.mult(w, h, y);
            for (int k = 0; k < p.nO(); k++) {
                e[k] = yt[k] - y[k];
            }
            relErr = Mat64.norm(e) / Mat64.norm(yt);
            if (relErr < p.stopRelativeError()) {
                break;
            }
            steps = step + 1;
            // Lemma 5, eqs. (70)-(71), against the scalar recurrences (76)-(77).
            maxHGap = Math.max(maxHGap, relGap(h, by, sh));
            maxWGap = Math.max(maxWGap, relGap(w.data, m.data, sw));
            Mat64.mult(b, e, be);
            for (int i = 0; i < p.nH(); i++) {
                fa[i] = p.eta() * be[i];
            }
            if (step >= 2) {
                // Theorem 2, eq. (78): Δh_FA = k W⁺e with k = η s_w ‖Bỹ‖² (corrected).
                Mat64.mult(Mat64.pinv(w), e, pbp);
                double angle = Mat64.angleDeg(fa, pbp);
                double k = Mat64.dot(fa, pbp, fa.length) / Mat64.dot(pbp, pbp, pbp.length);
                double predicted = scalar.of(p.eta(), sw, by2);
                double kGap = Math.abs(k - predicted) / predicted;
                // Rounding in e is ≈ ε‖ỹ‖, so its relative size is ε/relErr: measure in those units.
                double unit = Math.ulp(1.0) / relErr;
                maxAngle = Math.max(maxAngle, angle);
                maxAngleUnits = Math.max(maxAngleUnits, Math.toRadians(angle) / unit);
                minScalar = Math.min(minScalar, k);
                maxScalarGap = Math.max(maxScalarGap, kGap);
                maxScalarGapUnits = Math.max(maxScalarGapUnits, kGap / unit);
                anglesMeasured++;
            }
            double sy = sw * sh * by2; // eq. (72)
            Mat64.addOuter(w, p.eta(), e, h); // eq. (63)
            Mat64.addOuter(a, etaA, be, x); // eq. (64)
            double shNext = sh + p.eta() * (1 - sy); // eq. (76)
            sw = sw + p.eta() * (1 - sy) * sh; // eq. (77)
            sh = shNext;
            // eq. (65): h moves by exactly η B e.
            Mat64.mult(a, x, hNext);
            double gap = 0;
            for (int i = 0; i < p.nH(); i++) {
                gap = Math.max(gap, Math.abs(hNext[i] - h[i] - fa[i]));
            }
            maxStepGap = Math.max(maxStepGap, gap / Mat64.norm(hNext)); // relative to h: rounding level
        }
        Reports r = new Reports("lemma-5-theorem-2",
                "One pair, zero init: h ∥ Bỹ, W ∥ ỹ(Bỹ)ᵀ at every step; Δh_FA = η·s_w·‖Bỹ‖²·Δh_PBP from step 2 on",
                "Lemma 5 (70)-(77), Theorem 2 (78)-(80) with corrected scalar; Supplement Proof #3; PAPER §3.6",
                Role.CLAIM, p);
        r.measure("steps", steps)
                .measure("finalRelativeError", relErr)
                .measure("anglesMeasured", anglesMeasured)
                .measure("maxAngleFaPbpDeg", maxAngle)
                .measure("maxAngleInRoundingUnits", maxAngleUnits)
                .measure("minScalarK", minScalar)
                .measure("maxRelativeGapK", maxScalarGap)
                .measure("maxRelativeGapKInRoundingUnits", maxScalarGapUnits)
                .measure("maxRelativeGapH", maxHGap)
                .measure("maxRelativeGapW", maxWGap)
                .measure("maxRelativeGapEq65", maxStepGap);
        r.require("anglesMeasured", 10, anglesMeasured >= 10)
                .require("maxAngleInRoundingUnits", p.roundingUnits(), maxAngleUnits <= p.roundingUnits())
                .require("minScalarK", 0, minScalar > 0)
                .require("maxRelativeGapKInRoundingUnits", p.roundingUnits(), maxScalarGapUnits <= p.roundingUnits())
                .require("maxRelativeGapH", p.parallelTolerance(), maxHGap <= p.parallelTolerance())
                .require("maxRelativeGapW", p.parallelTolerance(), maxWGap <= p.parallelTolerance())
                .require("maxRelativeGapEq65", p.parallelTolerance(), maxStepGap <= p.parallelTolerance());
        r.note("Corrected scalar: Δh_FA = η·s_w·‖Bỹ‖²·W⁺e, not (Bỹ)ᵀ(Bỹ) as printed (PAPER §3.6).");
        r.note("Angles use the |cos| convention of PAPER §1.4, computed as atan2(‖a⊥b‖, |a·b̂|) for full precision "
                + "near 0.");
        r.note("W⁺ by SVD with the cut-off max(m,n)·ε·σ_max, so the numerically rank-1 W gets a rank-1 pseudoinverse.");
        String run = relErr < p.stopRelativeError()
                ? String.format(Locale.ROOT, "Over %d steps, until ‖e‖/‖ỹ‖ fell below %.1e (to %.1e),", steps,
                        p.stopRelativeError(), relErr)
                : String.format(Locale.ROOT, "‖e‖/‖ỹ‖ did not fall below %.1e within the budget of %d steps (last "
                        + "%.1e); over those steps", p.stopRelativeError(), steps, relErr);
        String theorem2 = anglesMeasured == 0
                ? "no FA/PBP angle was measured (W = 0 until step 2)"
                : String.format(Locale.ROOT, "from step 2 the FA/PBP angle was at most %.1e° (%.2f rounding units) "
                        + "and k matched η·s_w·‖Bỹ‖² to %.1e (%.2f units; %s)", maxAngle, maxAngleUnits,
                        maxScalarGap, maxScalarGapUnits, minScalar > 0 ? "k > 0"
                                : String.format(Locale.ROOT, "min k = %.1e ≤ 0", minScalar));
        return r.build(String.format(Locale.ROOT, "%s h and W stayed on their predicted rays to %.1e; %s.", run,
                Math.max(maxHGap, maxWGap), theorem2));
    }

    /** ‖v − s·dir‖ / ‖s·dir‖, or ‖v‖ when s = 0. */
    private static double relGap(double[] v, double[] dir, double s) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - s * dir[i];
            num += d * d;
            den += s * dir[i] * s * dir[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }
}
