package org.fa4j.core;

/**
 * Shallow learning: only the output layer learns, {@code ΔW ∝ δ_y hᵀ}; the hidden weights keep their initial random
 * values (PAPER §1.3: "If only the output weights, W, are adjusted, as in shallow methods, then the loss hardly
 * decreases").
 */
public record Shallow() implements LearningRule {
    @Override
    public String name() {
        return "shallow";
    }
}
