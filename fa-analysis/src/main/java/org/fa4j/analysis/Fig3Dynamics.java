package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The expected feedback-alignment dynamics of the three-neuron (1-1-1) network of Fig. 3 with T = B = 1 (PAPER §2.5):
 * Ẇ₀ = B(T − W W₀), Ẇ = (T − W W₀) W₀, the 1-D instance of eqs. (12)–(13). Everything needed to draw Fig. 3b is here:
 * the {@link #velocity flow field}, {@link #trajectory trajectories}, the {@link #hyperbola solution hyperbola
 * W₀W = 1} split into branches with their stability, and the {@link #predictedOutcome bad basin} next to its
 * {@link #simulatedOutcome simulation}.
 *
 * <p>Facts used: 2W − W₀² = c is conserved (eq. 14 in one dimension), so trajectories are the parabolas
 * W = (W₀² + c)/2 and along them Ẇ₀ = −p(W₀)/2 with p(u) = u³ + cu − 2. On W₀W = 1 the Jacobian has eigenvalues 0 and
 * −(W + W₀²). The bad basin is {c &lt; −3 and W₀ &lt; r₂(c)}, r₁ &lt; r₂ &lt; 0 &lt; r₃ the roots of p.
 */
public final class Fig3Dynamics {
    /** Target and feedback weight of Fig. 3. */
    public static final double T = 1.0;
    /** Feedback weight of Fig. 3 ("randomly" chosen to be 1). */
    public static final double B = 1.0;

    private static final double REL_TOL = 1e-12;
    private static final double ABS_TOL = 1e-12;

    private Fig3Dynamics() {
    }

    /** (Ẇ₀, Ẇ) at a point. */
    public record Velocity(double dW0, double dW) {
    }

    /** A point of a trajectory at time t. */
    public record State(double t, double w0, double w) {
    }

    /** One arrow of the flow field. */
    public record Arrow(double w0, double w, double dW0, double dW) {
    }

    /** Where a trajectory ends. */
    public enum Outcome {
        /** The upper-right branch W₀ &gt; 0, W &gt; 0, where eWBe &gt; 0 (grey in Fig. 3). */
        GOOD_BRANCH,
        /** The stable lower-left branch W₀ &lt; −1, W &lt; 0, where eWBe &lt; 0 (black in Fig. 3). */
        BAD_BRANCH,
        /** The integration did not settle on the hyperbola in the time allowed. */
        UNSETTLED
    }

    /**
     * A piece of the hyperbola W₀W = 1 inside the plotting window, sampled at points {@code (w0[i], w[i])}.
     *
     * @param name     {@code "upper-right"}, {@code "lower-left stable"} or {@code "lower-left unstable"}
     * @param stable   whether the non-zero eigenvalue −(W + W₀²) is negative there
     * @param wbPositive whether W·B &gt; 0 there, i.e. eWBe &gt; 0 for every e ≠ 0 (condition 1)
     * @param w0       W₀ samples
     * @param w        W samples (= 1/W₀)
     */
    public record HyperbolaSegment(String name, boolean stable, boolean wbPositive, double[] w0, double[] w) {
    }

    /** One grid point of the basin picture. */
    public record BasinPoint(double w0, double w, double c, Outcome predicted, Outcome simulated) {
    }

    /** The vector field of the expected FA dynamics. */
    public static Velocity velocity(double w0, double w) {
        double err = T - w * w0;
        return new Velocity(B * err, err * w0);
    }

    /** The conserved quantity c = 2W − W₀² (eq. 14 for T = B = 1). */
    public static double conserved(double w0, double w) {
        return 2 * B * w - w0 * w0;
    }

    /** The flow as an ODE for Hipparchus. */
    static OrdinaryDifferentialEquation ode() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                Velocity v = velocity(y[0], y[1]);
                return new double[] {v.dW0(), v.dW()};
            }
        };
    }

    /** The trajectory from (w0, w) sampled at {@code samples + 1} equally spaced times in [0, tEnd]. */
    public static List<State> trajectory(double w0, double w, double tEnd, int samples) {
        double[][] ys = Ode.sample(ode(), new double[] {w0, w}, tEnd, samples, REL_TOL, ABS_TOL);
        List<State> out = new ArrayList<>(ys.length);
        for (int k = 0; k < ys.length; k++) {
            out.add(new State(k * tEnd / samples, ys[k][0], ys[k][1]));
        }
        return out;
    }

    /** The state at time tEnd from (w0, w). */
    public static State endpoint(double w0, double w, double tEnd) {
        Ode.Result r = Ode.integrate(ode(), new double[] {w0, w}, tEnd, REL_TOL, ABS_TOL, s -> { });
        return new State(r.time(), r.state()[0], r.state()[1]);
    }

    /**
     * The real roots of p(u) = u³ + c u − 2, ascending: three when c &lt; −3 (at c = −3 the double root −1 is returned
     * twice), otherwise one.
     */
    public static double[] cubicRoots(double c) {
        double disc = -(4 * c * c * c + 27 * 4.0); // −(4p³ + 27q²) with p = c, q = −2
        if (disc > 0) {
            double m = 2 * Math.sqrt(-c / 3);
            double theta = Math.acos((3 * -2.0 / (2 * c)) * Math.sqrt(-3 / c)) / 3;
            double[] r = new double[3];
            for (int k = 0; k < 3; k++) {
                r[k] = m * Math.cos(theta - 2 * Math.PI * k / 3);
            }
            java.util.Arrays.sort(r);
            return r;
        }
        if (disc == 0) {
            return new double[] {-1, -1, 2};
        }
        // One real root, by Cardano.
        double half = 1.0; // −q/2
        double s = Math.sqrt(half * half + c * c * c / 27);
        return new double[] {Math.cbrt(half + s) + Math.cbrt(half - s)};
    }

    /** The analytic basin: BAD_BRANCH iff 2W − W₀² &lt; −3 and W₀ &lt; r₂(c); GOOD_BRANCH otherwise. */
    public static Outcome predictedOutcome(double w0, double w) {
        double c = conserved(w0, w);
        if (c < -3) {
            double[] r = cubicRoots(c);
            if (w0 < r[1]) {
                return Outcome.BAD_BRANCH;
            }
        }
        return Outcome.GOOD_BRANCH;
    }

    /** Integrates from (w0, w) to tEnd and classifies where it settled (|W₀W − 1| ≤ 1e-6). */
    public static Outcome simulatedOutcome(double w0, double w, double tEnd) {
        State end = endpoint(w0, w, tEnd);
        if (Math.abs(end.w0() * end.w() - 1) > 1e-6) {
            return Outcome.UNSETTLED;
        }
        if (end.w0() > 0 && end.w() > 0) {
            return Outcome.GOOD_BRANCH;
        }
        return end.w0() < -1 && end.w() < 0 ? Outcome.BAD_BRANCH : Outcome.UNSETTLED;
    }

    /** The non-zero Jacobian eigenvalue −(W + W₀²) at the point (w0, 1/w0) of the hyperbola. */
    public static double hyperbolaEigenvalue(double w0) {
        if (w0 == 0) {
            throw new IllegalArgumentException("the hyperbola W0 W = 1 has no point with W0 = 0");
        }
        return -(1 / w0 + w0 * w0);
    }

    /**
     * Eigenvalues (real parts, ascending) of the Jacobian of the flow at (w0, w), from central differences of
     * {@link #velocity} with step {@code h} and EJML's eigen-decomposition: an independent check of the closed form.
     */
    public static double[] numericJacobianEigenvalues(double w0, double w, double h) {
        Velocity p0 = velocity(w0 + h, w);
        Velocity m0 = velocity(w0 - h, w);
        Velocity p1 = velocity(w0, w + h);
        Velocity m1 = velocity(w0, w - h);
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {
                {(p0.dW0() - m0.dW0()) / (2 * h), (p1.dW0() - m1.dW0()) / (2 * h)},
                {(p0.dW() - m0.dW()) / (2 * h), (p1.dW() - m1.dW()) / (2 * h)}});
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, false);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("eigen-decomposition failed at (" + w0 + ", " + w + ")");
        }
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            Complex_F64 l = eig.getEigenvalue(i);
            out[i] = l.real;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** The hyperbola W₀W = 1 inside [lo, hi]², as its three branches, each with {@code samples} points. */
    public static List<HyperbolaSegment> hyperbola(double lo, double hi, int samples) {
        if (!(hi > 1 && lo < -1) || samples < 2) {
            throw new IllegalArgumentException("need lo < -1 < 1 < hi and samples >= 2, got lo = " + lo + ", hi = "
                    + hi + ", samples = " + samples);
        }
        // W = 1/W0 stays inside the window for W0 in [1/hi, hi] (upper right) and [lo, 1/lo] (lower left).
        List<HyperbolaSegment> out = new ArrayList<>();
        out.add(segment("upper-right", 1 / hi, hi, samples, true, true));
        out.add(segment("lower-left stable", lo, -1, samples, true, false));
        out.add(segment("lower-left unstable", -1, 1 / lo, samples, false, false));
        return out;
    }

    private static HyperbolaSegment segment(String name, double from, double to, int n, boolean stable,
            boolean wbPositive) {
        double[] w0 = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w0[i] = from + (to - from) * i / (n - 1);
            w[i] = 1 / w0[i];
        }
        return new HyperbolaSegment(name, stable, wbPositive, w0, w);
    }

    /** Flow-field arrows on an n×n grid over [lo, hi]². */
    public static List<Arrow> flowField(double lo, double hi, int n) {
        List<Arrow> out = new ArrayList<>(n * n);
        for (double[] p : grid(lo, hi, n)) {
            Velocity v = velocity(p[0], p[1]);
            out.add(new Arrow(p[0], p[1], v.dW0(), v.dW()));
        }
        return out;
    }

    /** Predicted and simulated outcome on an n×n grid over [lo, hi]², each simulated to time tEnd. */
    public static List<BasinPoint> basin(double lo, double hi, int n, double tEnd) {
        List<BasinPoint> out = new ArrayList<>(n * n);
        for (double[] p : grid(lo, hi, n)) {
            out.add(new BasinPoint(p[0], p[1], conserved(p[0], p[1]), predictedOutcome(p[0], p[1]),
                    simulatedOutcome(p[0], p[1], tEnd)));
        }
        return out;
    }

    static List<double[]> grid(double lo, double hi, int n) {
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("need n >= 2 and hi > lo, got n = " + n + ", [" + lo + ", " + hi + "]");
        }
        List<double[]> out = new ArrayList<>(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.add(new double[] {lo + (hi - lo) * i / (n - 1), lo + (hi - lo) * j / (n - 1)});
            }
        }
        return out;
    }

    /** Distance in (c, W₀) from the separatrix: min(|c + 3|, |W₀ − r₂(c)| when c &lt; −3). */
    static double separatrixDistance(double w0, double w) {
        double c = conserved(w0, w);
        double d = Math.abs(c + 3);
        if (c < -3) {
            d = Math.min(d, Math.abs(w0 - cubicRoots(c)[1]));
        }
        return d;
    }
}
