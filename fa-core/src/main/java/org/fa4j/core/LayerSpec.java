package org.fa4j.core;

import java.util.Objects;

/**
 * One fully connected layer: {@code units} outputs, an {@link Activation}, an adjustable bias or none, and the
 * fraction {@code sparsity} of its forward weights removed for good (PAPER §2.3: "randomly remove 50% of the elements
 * of the W and B matrices"; the removed entries stay zero during learning).
 *
 *
 * <p>A layer draws its forward weights from the network's {@link NetworkSpec#init()} unless it has an initialiser of
 * its own ({@link #withInit}): a logistic output layer, for one, often wants a smaller scale than the hidden layers so
 * that its units do not start saturated.
 *
 * @param units      number of units (≥ 1)
 * @param activation the activation function
 * @param bias       whether the layer has an adjustable bias (initialised to 0)
 * @param sparsity   fraction of forward weights removed, in {@code [0, 1)}
 * @param init       this layer's initialiser, or {@code null} for the network's
 */
public record LayerSpec(int units, Activation activation, boolean bias, double sparsity, Init init) {

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

    /** A layer that draws its weights from the network's initialiser. */
    public LayerSpec(int units, Activation activation, boolean bias, double sparsity) {
        this(units, activation, bias, sparsity, null);
    }

    /** A dense layer with a bias. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, true, 0);
    }

    /** This layer with its own initialiser {@code init} (not {@code null}) instead of the network's. */
    public LayerSpec withInit(Init init) {
        return new LayerSpec(units, activation, bias, sparsity, Objects.requireNonNull(init, "init"));
    }
}
