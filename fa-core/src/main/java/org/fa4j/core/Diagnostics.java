package org.fa4j.core;

import org.fa4j.core.rule.Pseudobackprop;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * The diagnostics probe: for the current step's error, the update each rule <em>would</em> send to each hidden layer,
 * and the alignment between them (PAPER §1.2, §1.4, Fig. 1e, 2b, 4b–c). Nothing is computed unless a method is called;
 * buffers are allocated on first use per batch size.
 *
 * <p>Hidden layer {@code h} (0 ≤ h &lt; depth − 1) receives its update from layer {@code h + 1}'s delta
 * {@code δ = δ_{h+1}} (the delta of the rule being trained; for the top hidden layer of a linear-output net it is the
 * error {@code e} itself). All signals are in batch form, one row per example, <em>before</em> multiplication by the
 * hidden layer's derivative (PAPER §1.4: "the update sent to the hidden layer"):
 * <ul>
 *   <li>{@link #feedbackSignal}: {@code Δh_FA = B δ} (eq. (2)) — needs a model whose rule keeps {@code B};</li>
 *   <li>{@link #backpropSignal}: {@code Δh_BP = Wᵀ δ};</li>
 *   <li>{@link #pseudoinverseSignal}: {@code Δh_PBP = W⁺ δ} (EJML, float64);</li>
 *   <li>{@link #alignment}: {@code Σ_batch δᵀ W B δ}, the quantity of eq. (1) ({@code eᵀWBe > 0} on average).</li>
 * </ul>
 * Angles follow the paper's convention {@code θ = acos(|aᵀb| / (‖a‖‖b‖))}, in [0°, 90°], over the whole batch (all
 * rows flattened; for online learning that is the single example).
 */
public final class Diagnostics {
    /** Which hidden update a signal is. */
    public enum Signal {
        /** {@code B δ}. */
        FEEDBACK,
        /** {@code Wᵀ δ}. */
        BACKPROP,
        /** {@code W⁺ δ}. */
        PSEUDOINVERSE
    }

    private final Model model;
    private final Linalg la;
    private Workspace ws;
    private Matrix[] fa;
    private Matrix[] bp;
    private Matrix[] pbp;
    private int sized = -1;

    Diagnostics(Model model, Linalg la) {
        this.model = model;
        this.la = la;
    }

    void bind(Workspace ws) {
        this.ws = ws;
    }

    private void ensureBuffers() {
        if (sized != ws.batch) {
            int n = model.depth();
            fa = new Matrix[n];
            bp = new Matrix[n];
            pbp = new Matrix[n];
            sized = ws.batch;
        }
    }

    /** Number of hidden layers ({@code depth − 1}). */
    public int hiddenLayers() {
        return model.depth() - 1;
    }

    /** {@code δ_l} as the rule computed it this step ({@code batch × units_l}); all zeros for layers that do not learn. */
    public Matrix delta(int layer) {
        return ws.delta[java.util.Objects.checkIndex(layer, model.depth())];
    }

    /** The error {@code e = y* − y}. */
    public Matrix error() {
        return ws.err;
    }

    /** {@code Δh_FA = B_{h+1} δ_{h+1}} for hidden layer {@code h}; throws if the model keeps no {@code B_{h+1}}. */
    public Matrix feedbackSignal(int hidden) {
        checkHidden(hidden);
        Matrix b = model.fb[hidden + 1];
        if (b == null || b.rows() != model.spec().units(hidden) || b.cols() != model.spec().units(hidden + 1)) {
            throw new IllegalStateException("layer " + (hidden + 1) + " has no feedback matrix B of shape "
                    + model.spec().units(hidden) + "x" + model.spec().units(hidden + 1) + " (rule " + model.rule().name() + ")");
        }
        ensureBuffers();
        if (fa[hidden] == null) {
            fa[hidden] = Matrix.zeros(ws.batch, model.spec().units(hidden));
        }
        la.gemm(Op.N, Op.T, 1f, ws.delta[hidden + 1], b, 0f, fa[hidden]); // eq. (2)
        return fa[hidden];
    }

    /** {@code Δh_BP = W_{h+1}ᵀ δ_{h+1}} for hidden layer {@code h}. */
    public Matrix backpropSignal(int hidden) {
        checkHidden(hidden);
        ensureBuffers();
        if (bp[hidden] == null) {
            bp[hidden] = Matrix.zeros(ws.batch, model.spec().units(hidden));
        }
        la.gemm(Op.N, Op.T, 1f, ws.delta[hidden + 1], model.wt[hidden + 1], 0f, bp[hidden]);
        return bp[hidden];
    }

    /** {@code Δh_PBP = W_{h+1}⁺ δ_{h+1}} for hidden layer {@code h}, with {@code W⁺} from EJML in float64. */
    public Matrix pseudoinverseSignal(int hidden) {
        checkHidden(hidden);
        ensureBuffers();
        Matrix w = model.wt[hidden + 1].transpose();
        Matrix p = Matrix.zeros(w.cols(), w.rows());
        Pseudobackprop.pseudoInverse(w, p);
        if (pbp[hidden] == null) {
            pbp[hidden] = Matrix.zeros(ws.batch, model.spec().units(hidden));
        }
        la.gemm(Op.N, Op.T, 1f, ws.delta[hidden + 1], p, 0f, pbp[hidden]);
        return pbp[hidden];
    }

    /** The signal {@code s} for hidden layer {@code h}. */
    public Matrix signal(Signal s, int hidden) {
        return switch (s) {
            case FEEDBACK -> feedbackSignal(hidden);
            case BACKPROP -> backpropSignal(hidden);
            case PSEUDOINVERSE -> pseudoinverseSignal(hidden);
        };
    }

    /** The angle in degrees between two signals for hidden layer {@code h}, e.g. {@code angle(FEEDBACK, BACKPROP, 0)}. */
    public double angle(Signal a, Signal b, int hidden) {
        return angleDegrees(signal(a, hidden), signal(b, hidden));
    }

    /** {@code Σ_batch δᵀ W B δ = Σ (Wᵀδ)·(Bδ)} for hidden layer {@code h} (eq. (1)), in float64. */
    public double alignment(int hidden) {
        return dot(backpropSignal(hidden), feedbackSignal(hidden));
    }

    /** {@code acos(|a·b| / (‖a‖‖b‖))} in degrees over all elements (PAPER §1.4); NaN if either is zero. */
    public static double angleDegrees(Matrix a, Matrix b) {
        double ab = dot(a, b);
        double aa = dot(a, a);
        double bb = dot(b, b);
        double c = Math.abs(ab) / Math.sqrt(aa * bb);
        return Math.toDegrees(Math.acos(Math.min(1, c)));
    }

    /**
     * The angle {@code W_l ∡ B_lᵀ} in degrees between layer {@code l}'s forward weights and the feedback matrix that
     * replaces their transpose on the way down, over all elements, with {@link #angleDegrees}'s |cos|: near 90° for
     * independent draws, falling as feedback alignment turns {@code W_l} towards {@code B_lᵀ} (PAPER §1.4), 0° for
     * backprop's own transpose. Throws if the model's rule keeps no {@code B_l}, or one of another shape (direct
     * feedback alignment's lower layers).
     */
    public static double weightAngle(Model model, int layer) {
        Matrix wt = model.weightsTransposed(layer);
        Matrix b = model.feedback(layer).orElseThrow(() -> new IllegalArgumentException("layer " + layer + " has no feedback matrix: "
                + "the rule " + model.rule().name() + " keeps none there"));
        if (b.rows() != wt.rows() || b.cols() != wt.cols()) {
            throw new IllegalArgumentException("layer " + layer + "'s feedback matrix is " + b.shape() + ", not the shape of W_lᵀ ("
                    + wt.shape() + "): no angle between them");
        }
        return angleDegrees(wt, b);
    }

    static double dot(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("dot: shapes differ, " + a.shape() + " vs " + b.shape());
        }
        double s = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                s += (double) a.get(i, j) * b.get(i, j);
            }
        }
        return s;
    }

    private void checkHidden(int hidden) {
        if (hidden < 0 || hidden >= model.depth() - 1) {
            throw new IllegalArgumentException("hidden layer " + hidden + " does not exist; the network " + model.spec().sizes()
                    + " has hidden layers 0.." + (model.depth() - 2));
        }
    }
}
