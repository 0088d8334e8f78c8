package org.fa4j.core.rule;

import java.util.function.Function;
import org.fa4j.core.NetworkSpec;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * What a {@link RuleEngine} may read and write during one training step. Batch-major: row {@code i} of every matrix
 * is example {@code i}. The matrices are the trainer's live buffers and the model's live parameters: an engine writes
 * the hidden deltas and, if its rule keeps them, its feedback matrices; it reads the rest. Layer {@code l}'s forward
 * weights are stored input-major as {@code W_lᵀ} ({@code units_{l−1} × units_l}), the shape of feedback alignment's
 * {@code B_l}, so that {@code Δ_{l−1} = Δ_l B_lᵀ} is {@code gemm(N, T, Δ_l, B_l)}.
 */
public interface StepState {

    /** This update's number, counted from 1 by the trainer. */
    long step();

    /** The epoch this update belongs to, counted from 1; 0 for updates made outside an epoch. */
    int epoch();

    /** Examples in this step's batch. */
    int batchSize();

    /** Number of weight layers. */
    int depth();

    /** The architecture. */
    NetworkSpec spec();

    /** The kernels (thread count, path) of this training run. */
    Linalg linalg();

    /** The batch's inputs {@code x} ({@code batch × inputs}). */
    Matrix input();

    /** The input of layer {@code l}: {@code x} for layer 0, else {@code h_{l−1}}. */
    Matrix input(int layer);

    /** {@code h_l}, the output of layer {@code l} ({@code batch × units_l}); the top one is {@code y}. */
    Matrix activation(int layer);

    /** {@code δ_l} ({@code batch × units_l}), the negative gradient at layer {@code l}'s pre-activation; writable. */
    Matrix delta(int layer);

    /** The error {@code e = y* − y} ({@code batch × outputs}). */
    Matrix error();

    /** The targets {@code y*}. */
    Matrix target();

    /** The live forward weights {@code W_lᵀ} ({@code units_{l−1} × units_l}). */
    Matrix weightsTransposed(int layer);

    /** The live bias {@code b_l} ({@code 1 × units_l}), or null when the layer has none. */
    Matrix bias(int layer);

    /** The live feedback matrix of layer {@code l}, or null when the rule keeps none there. */
    Matrix feedback(int layer);

    /** {@code δ_l ∘= f'_l(a_l)}, computed from {@code h_l} in one pass; nothing for a linear layer. */
    void timesDerivative(int layer);

    /**
     * The factor this step's update multiplies the batch's <em>summed</em> {@code δ hᵀ} by, rounded to float: η_t
     * (after the schedule) with {@link org.fa4j.core.BatchScaling#SUM}, η_t/k for a batch of k rows with
     * {@link org.fa4j.core.BatchScaling#MEAN}. A rule that updates its own matrices like {@code W} uses it as is.
     */
    float learningRate();

    /** The factor {@code 1 − η_t(α + λ)} the trainer applies to {@code W}: the config's decay α and the rule's λ. */
    float decay();

    /**
     * A buffer of {@code owner}'s for the current batch size, made by {@code create} the first time and kept with the
     * trainer's buffers for that size, so steps allocate nothing once warmed up.
     */
    <T> T scratch(Object owner, Function<StepState, T> create);

    /** The rule's own state as saved with the model (empty until {@link #setRuleState} is called). */
    Parameters ruleState();

    /** Replaces the rule's own state; the model file stores it and a reloaded model continues from it. */
    void setRuleState(Parameters state);
}
