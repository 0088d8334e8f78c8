package org.fa4j.core;

/**
 * Error backpropagation: each hidden layer receives {@code Δh_l = W_{l+1}ᵀ δ_{l+1}}, the exact gradient of the loss
 * (PAPER §1.3, "ΔW_0 ∝ (Wᵀe) xᵀ"; deeper nets §1.6).
 */
public record Backprop() implements LearningRule {
    @Override
    public String name() {
        return "backprop";
    }
}
