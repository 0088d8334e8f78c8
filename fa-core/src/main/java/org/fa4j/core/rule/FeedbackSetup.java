package org.fa4j.core.rule;

import java.util.SplittableRandom;
import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.simd.Matrix;

/**
 * One layer of a new model, as {@link LearningRule#drawFeedback} sees it: the layer, its initial forward weights, the
 * model's feedback stream ({@code SeedStream.FEEDBACK} of the model's seed, shared by all layers in order), and where
 * the drawn matrix goes.
 */
public interface FeedbackSetup {

    /** The layer {@code l ≥ 1} whose feedback matrix carries its error down to layer {@code l − 1}. */
    int layer();

    /** The architecture. */
    NetworkSpec spec();

    /** The layer's initial forward weights {@code W_lᵀ} ({@code units_{l−1} × units_l}); read only. */
    Matrix weightsTransposed();

    /** The feedback stream. */
    SplittableRandom random();

    /** A new {@code rows × cols} matrix drawn from {@code init} with the given fans from {@link #random()}, row by row. */
    default Matrix draw(Init init, int rows, int cols, int fanIn, int fanOut) {
        return init.matrix(rows, cols, fanIn, fanOut, random());
    }

    /**
     * A new matrix of the shape of {@code W_lᵀ} ({@code units_{l−1} × units_l}, feedback alignment's {@code B_l})
     * drawn from {@code init} with the fans of {@code B_l} (fan-in {@code units_l}, fan-out {@code units_{l−1}}).
     */
    default Matrix drawLikeWeightsTransposed(Init init) {
        int below = spec().units(layer() - 1);
        int above = spec().units(layer());
        return draw(init, below, above, above, below);
    }

    /** Sets the layer's feedback matrix. */
    void setFeedback(Matrix feedback);

    /** Sets the permanent 0/1 mask of the layer's feedback matrix. */
    void setFeedbackMask(Matrix mask);
}
