package org.fa4j.core.rule;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Pseudobackprop: each hidden layer receives {@code Δh_l = W_{l+1}⁺ δ_{l+1}}, with {@code W⁺} the Moore–Penrose
 * pseudoinverse of the current forward matrix (PAPER §1.3, {@code Δh_PBP = W⁺e}; Supplement Proof #2: approximately
 * Gauss–Newton).
 *
 * <p>{@code W⁺} is computed in float64 by EJML's SVD-based {@code SolvePseudoInverseSvd_DDRM} and rounded to float32.
 * It is recomputed every {@code recomputeEvery} training steps (1 = every step, exact; the default, and cheap for the
 * paper's 30-20-10 nets). For large layers, {@code recomputeEvery > 1} reuses a slightly stale {@code W⁺}. The engine
 * keeps the float64 buffers and EJML's solver of each layer, so a steady-state step allocates nothing.
 *
 * @param recomputeEvery steps between recomputations of {@code W⁺} (≥ 1)
 */
public record Pseudobackprop(int recomputeEvery) implements PathwayRule {

    /** Checks {@code recomputeEvery >= 1}. */
    public Pseudobackprop {
        if (recomputeEvery < 1) {
            throw new IllegalArgumentException("recomputeEvery must be >= 1, got " + recomputeEvery);
        }
    }

    /** Recomputes {@code W⁺} every step. */
    public Pseudobackprop() {
        this(1);
    }

    /** Reads {@code pseudobackprop} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("pseudobackprop", p -> new Pseudobackprop(p.integer("recomputeEvery")));
    }

    @Override
    public String name() {
        return "pseudobackprop";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("recomputeEvery", recomputeEvery).build();
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(recomputeEvery, context.spec().depth());
    }

    /**
     * {@code out = W⁺} ({@code cols × rows} of {@code w}), computed in float64 by EJML's SVD and rounded to float.
     * Singular values below {@code max(rows, cols) · 2⁻²³ · σ_max} count as zero: the weights are float32, so
     * anything smaller is their rounding, not rank, and inverting it would send steps of order {@code 1/σ} ≈ 10⁷ into
     * the layer below.
     */
    public static void pseudoInverse(Matrix w, Matrix out) {
        new Pinv(w.rows(), w.cols()).compute(w, false, out);
    }

    /**
     * The float64 buffers and the SVD solver of one shape, kept by the engine so that a recomputation of {@code W⁺}
     * reuses them (EJML's solver keeps its own workspace for a fixed shape).
     */
    private static final class Pinv {
        private final DMatrixRMaj a;
        private final DMatrixRMaj p;
        private final SolvePseudoInverseSvd_DDRM solver;

        Pinv(int rows, int cols) {
            a = new DMatrixRMaj(rows, cols);
            p = new DMatrixRMaj(cols, rows);
            solver = new SolvePseudoInverseSvd_DDRM(rows, cols);
            solver.setThreshold(Math.ulp(1.0f)); // relative: EJML multiplies by max(rows, cols) and σ_max
        }

        /** {@code out = W⁺} for {@code w} = W, or for {@code w} = Wᵀ when {@code transposed}. */
        void compute(Matrix w, boolean transposed, Matrix out) {
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < a.numCols; j++) {
                    a.unsafe_set(i, j, transposed ? w.get(j, i) : w.get(i, j));
                }
            }
            if (!solver.setA(a)) {
                throw new ArithmeticException("the SVD of a " + a.numRows + "x" + a.numCols + " weight matrix failed (non-finite entries?)");
            }
            solver.invert(p);
            for (int i = 0; i < out.rows(); i++) {
                for (int j = 0; j < out.cols(); j++) {
                    out.set(i, j, (float) p.unsafe_get(i, j));
                }
            }
        }
    }

    /** {@code Δ_{l−1} = Δ_l (W_l⁺)ᵀ}, each layer's {@code W⁺} recomputed when older than {@code every} steps. */
    private static final class Engine implements PathwayEngine {
        private final int every;
        private final Matrix[] pinv;
        private final Pinv[] solvers;
        private final long[] computedAt;

        Engine(int every, int depth) {
            this.every = every;
            this.pinv = new Matrix[depth];
            this.solvers = new Pinv[depth];
            this.computedAt = new long[depth];
        }

        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            long step = s.step();
            if (pinv[layer] == null || step - computedAt[layer] >= every) {
                Matrix wt = s.weightsTransposed(layer); // W_lᵀ, units_{l−1} × units_l
                if (pinv[layer] == null) {
                    pinv[layer] = Matrix.zeros(wt.rows(), wt.cols());
                    solvers[layer] = new Pinv(wt.cols(), wt.rows());
                }
                solvers[layer].compute(wt, true, pinv[layer]);
                computedAt[layer] = step;
            }
            s.linalg().gemm(Op.N, Op.T, 1f, deltaAbove, pinv[layer], 0f, out); // Δh_PBP = W⁺e
        }
    }
}
