package org.fa4j.core.rule;

import org.fa4j.core.Init;
import org.fa4j.core.NetworkSpec;
import org.fa4j.simd.Matrix;

/**
 * A pathway rule that keeps, for every layer {@code l ≥ 1}, a feedback matrix {@code B_l} of the shape of
 * {@code W_lᵀ} ({@code units_{l−1} × units_l}), drawn at random when the model is created: feedback alignment and the
 * rules that grew from it. The defaults draw {@code B_l} from {@link #feedbackInit()} and check its shape when a model
 * is loaded; the rule says what its engine does with it.
 */
public interface RandomFeedbackRule extends PathwayRule {

    /** How the entries of {@code B} are drawn. */
    Init feedbackInit();

    @Override
    default boolean usesFeedback() {
        return true;
    }

    /** {@code B_l ~ feedbackInit}, drawn with {@link FeedbackSetup#drawLikeWeightsTransposed(Init)}. */
    @Override
    default void drawFeedback(FeedbackSetup setup) {
        setup.setFeedback(setup.drawLikeWeightsTransposed(feedbackInit()));
    }

    @Override
    default void checkFeedback(NetworkSpec spec, int layer, Matrix feedback) {
        requireShape(this, layer, feedback, spec.units(layer - 1), spec.units(layer));
    }

    /** Throws unless {@code feedback} is {@code rows × cols}, naming the layer, the rule and what was found. */
    static void requireShape(LearningRule rule, int layer, Matrix feedback, int rows, int cols) {
        if (feedback == null || feedback.rows() != rows || feedback.cols() != cols) {
            throw new IllegalArgumentException("layer " + layer + " needs a feedback matrix B of shape " + rows + "x" + cols
                    + " for " + rule.name() + ", got " + (feedback == null ? "none" : feedback.shape()));
        }
    }
}
