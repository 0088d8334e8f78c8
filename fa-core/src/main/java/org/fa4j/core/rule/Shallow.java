package org.fa4j.core.rule;

/**
 * Shallow learning: only the output layer learns, {@code ΔW ∝ δ_y hᵀ}; the hidden weights keep their initial random
 * values (PAPER §1.3: "If only the output weights, W, are adjusted, as in shallow methods, then the loss hardly
 * decreases").
 */
public record Shallow() implements LearningRule {

    /** Reads {@code shallow} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("shallow", p -> new Shallow());
    }

    @Override
    public String name() {
        return "shallow";
    }

    @Override
    public RuleEngine engine(RuleContext context) {
        return Engine.INSTANCE;
    }

    /** No hidden deltas; only the top layer learns. */
    private enum Engine implements RuleEngine {
        INSTANCE;

        @Override
        public void backward(StepState s) {
        }

        @Override
        public boolean learns(int layer, int depth) {
            return layer == depth - 1;
        }
    }
}
