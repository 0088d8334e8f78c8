package org.fa4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The architecture of a fully connected network {@code x → h_0 → … → y}: the input width, the layers, how forward
 * weights are initialised, and the loss.
 *
 * <p>Layer {@code l} has weights {@code W_l} of shape {@code units_l × units_{l−1}} (the paper's layout: {@code W_0}
 * is {@code n_h × n_i}) and computes {@code h_l = f_l(W_l h_{l−1} + b_l)}. Biases start at zero.
 *
 * <pre>{@code
 * NetworkSpec mnist = NetworkSpec.newBuilder(784)
 *         .layer(1000, Activation.logistic())
 *         .layer(10, Activation.logistic())
 *         .init(Init.uniform(0.05))
 *         .build();
 * }</pre>
 *
 * @param inputs number of inputs (≥ 1)
 * @param layers the layers, input side first (at least one)
 * @param init   how forward weights are drawn, in every layer without an initialiser of its own ({@link LayerSpec#init()})
 * @param loss   the objective; {@link Loss.SoftmaxCrossEntropy} needs an identity output layer
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Init init, Loss loss) {

    /** Checks the values and copies the list. */
    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(loss, "loss");
        if (loss instanceof Loss.SoftmaxCrossEntropy && !(layers.getLast().activation() instanceof Activation.Identity)) {
            throw new IllegalArgumentException("softmax cross-entropy needs an identity output layer (the logits), got "
                    + layers.getLast().activation().name());
        }
    }

    /** A builder for a network with {@code inputs} inputs; defaults: init {@code U[−0.05, 0.05]}, squared error. */
    public static Builder newBuilder(int inputs) {
        return new Builder(inputs);
    }

    /** Number of weight layers. */
    public int depth() {
        return layers.size();
    }

    /** Number of units of layer {@code l}; {@code units(-1)} is the number of inputs. */
    public int units(int l) {
        return l < 0 ? inputs : layers.get(l).units();
    }

    /** The initialiser of layer {@code l}'s forward weights: the layer's own, else the network's. */
    public Init initOf(int l) {
        Init own = layers.get(l).init();
        return own != null ? own : init;
    }

    /** Number of outputs. */
    public int outputs() {
        return layers.getLast().units();
    }

    /** Sizes from input to output, e.g. {@code 784-1000-10}. */
    public String sizes() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (LayerSpec l : layers) {
            sb.append('-').append(l.units());
        }
        return sb.toString();
    }

    /** Builds {@link NetworkSpec}s. */
    public static final class Builder {
        private final int inputs;
        private final List<LayerSpec> layers = new ArrayList<>();
        private Init init = Init.uniform(0.05);
        private Loss loss = Loss.squaredError();

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Adds a dense layer with a bias. */
        public Builder layer(int units, Activation activation) {
            return layer(new LayerSpec(units, activation));
        }

        /** Adds a dense layer, with or without a bias. */
        public Builder layer(int units, Activation activation, boolean bias) {
            return layer(new LayerSpec(units, activation, bias, 0));
        }

        /** Adds a layer. */
        public Builder layer(LayerSpec layer) {
            layers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /** Initialisation of the forward weights. */
        public Builder init(Init init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        /** The loss. */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** A new spec. */
        public NetworkSpec build() {
            return new NetworkSpec(inputs, layers, init, loss);
        }
    }
}
