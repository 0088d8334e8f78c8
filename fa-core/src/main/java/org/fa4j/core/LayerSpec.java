package org.fa4j.core;

import java.util.Objects;

/**
 * One fully connected layer: {@code units} outputs, an {@link Activation}, an adjustable bias or none, and the
 * fraction {@code sparsity} of its forward weights removed for good (PAPER §2.3: "randomly remove 50% of the elements
 * of the W and B matrices"; the removed entries stay zero during learning).
 *
 * @param units      number of units (≥ 1)
 * @param activation the activation function
 * @param bias       whether the layer has an adjustable bias (initialised to 0)
 * @param sparsity   fraction of forward weights removed, in {@code [0, 1)}
 */
public record LayerSpec(int units, Activation activation, boolean bias, double sparsity) {

    /** Checks the values. */
    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least 1 unit, got " + units);
        }
        Objects.requireNonNull(activation, "activation");
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
    }

    /** A dense layer with a bias. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, true, 0);
    }
}
