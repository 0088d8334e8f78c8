package org.fa4j.core.rule;

import java.util.SplittableRandom;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Matrix;

/**
 * What a {@link LearningRule} knows when it makes its engine: the network, the layers the engine serves, and its
 * random streams. An engine of a whole-network rule serves layers {@code 1 .. depth − 1}; a pathway of a
 * {@link Layerwise} rule serves one.
 */
public interface RuleContext {

    /** The architecture. */
    NetworkSpec spec();

    /** The seed the model was created with. */
    long modelSeed();

    /** The training seed ({@code TrainingConfig.seed()}). */
    long trainingSeed();

    /** The lowest layer (≥ 1) whose feedback this engine keeps. */
    int firstLayer();

    /** The highest layer whose feedback this engine keeps. */
    int lastLayer();

    /**
     * A fresh generator for {@code stream} of the training seed; for the engine of one layer's pathway, a generator
     * derived from it for that layer, so two pathways never share a sequence.
     */
    SplittableRandom random(SeedStream stream);

    /** The context of the pathway serving {@code layer} alone. */
    RuleContext layer(int layer);

    /**
     * The feedback matrices the model's rule draws when the model is created, drawn again from the model's seed but
     * with forward weights {@code weightsTransposed[l]} ({@code W_lᵀ}, index 0 unused) in place of the initial ones;
     * index {@code l} holds layer {@code l}'s matrix or null. Sign symmetry's fixed magnitudes come from this.
     */
    Matrix[] redrawFeedback(Matrix[] weightsTransposed);

    /** The rule's own state saved with the model (empty for a new model). */
    Parameters ruleState();
}
