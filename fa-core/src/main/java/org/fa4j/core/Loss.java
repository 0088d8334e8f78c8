package org.fa4j.core;

import org.fa4j.simd.Matrix;

/**
 * The objective a network is trained on.
 *
 * <ul>
 *   <li>{@link SquaredError}: {@code L = ½‖e‖²} with {@code e = y* − y} (PAPER §1.1; used in every experiment of the
 *       paper). The output delta is {@code δ = e ∘ f'(a_out)}, which is {@code e} for a linear output (PAPER §1.7).</li>
 *   <li>{@link SoftmaxCrossEntropy}: {@code L = −Σ_k y*_k log p_k} with {@code p = softmax(a_out)}; the output layer
 *       must be linear (its activations are the logits) and {@code δ = y* − p}. Not in the paper; for users.</li>
 * </ul>
 * δ is always the <em>negative</em> gradient with respect to the pre-activation, so every update is {@code W += η δ aᵀ}.
 */
public sealed interface Loss permits Loss.SquaredError, Loss.SoftmaxCrossEntropy {

    /** {@code ½‖y* − y‖²}. */
    record SquaredError() implements Loss {
        @Override public String name() { return "squared-error"; }
    }

    /** Softmax followed by cross-entropy; requires an identity output layer. */
    record SoftmaxCrossEntropy() implements Loss {
        @Override public String name() { return "softmax-cross-entropy"; }
    }

    /** {@code ½‖e‖²}, the paper's loss. */
    static Loss squaredError() { return new SquaredError(); }

    /** Softmax cross-entropy. */
    static Loss softmaxCrossEntropy() { return new SoftmaxCrossEntropy(); }

    /** The loss called {@code name} ({@code squared-error} or {@code softmax-cross-entropy}). */
    static Loss named(String name) {
        return switch (name) {
            case "squared-error" -> squaredError();
            case "softmax-cross-entropy" -> softmaxCrossEntropy();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; expected squared-error or softmax-cross-entropy");
        };
    }

    /** The name used in JSON. */
    String name();

    /**
     * Turns the top layer's activations into the network's outputs, in place: the softmax of each row for
     * cross-entropy, nothing for squared error.
     */
    default void outputs(Matrix activations) {
        if (this instanceof SoftmaxCrossEntropy) {
            Ops.softmaxRows(activations);
        }
    }

    /**
     * The loss of example {@code row}: {@code −Σ_k y*_k log y_k} from the targets and outputs for cross-entropy,
     * {@code ½‖e‖²} from the error {@code e = y* − y} for squared error.
     */
    default double exampleLoss(Matrix target, Matrix output, Matrix error, int row) {
        return this instanceof SoftmaxCrossEntropy ? Ops.crossEntropyRow(target, output, row) : 0.5 * Ops.squaredNormRow(error, row);
    }
}
