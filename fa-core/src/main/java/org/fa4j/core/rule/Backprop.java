package org.fa4j.core.rule;

import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Error backpropagation: each hidden layer receives {@code Δh_l = W_{l+1}ᵀ δ_{l+1}}, the exact gradient of the loss
 * (PAPER §1.3, "ΔW_0 ∝ (Wᵀe) xᵀ"; deeper nets §1.6).
 */
public record Backprop() implements PathwayRule {

    /** Reads {@code backprop} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("backprop", p -> new Backprop());
    }

    @Override
    public String name() {
        return "backprop";
    }

    /** {@code Δ_{l−1} = Δ_l W_l = Δ_l (W_lᵀ)ᵀ}. */
    @Override
    public PathwayEngine engine(RuleContext context) {
        return Backprop::sendDown;
    }

    private static void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
        s.linalg().gemm(Op.N, Op.T, 1f, deltaAbove, s.weightsTransposed(layer), 0f, out); // Δh_BP = Wᵀe
    }
}
