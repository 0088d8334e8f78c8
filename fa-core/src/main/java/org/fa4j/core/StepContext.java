package org.fa4j.core;

import org.fa4j.simd.Matrix;

/**
 * What a {@link TrainingListener} sees at each step. One instance is reused for every step, and its matrices are the
 * trainer's workspaces: read them during {@link TrainingListener#onStep}, do not modify or keep them.
 */
public final class StepContext {
    private final Model model;
    private final Diagnostics diagnostics;
    /** The step as the rule engine sees it (buffers, step and epoch numbers, η_t). */
    private final TrainingStep state;
    double loss;

    StepContext(Model model, Diagnostics diagnostics, TrainingStep state) {
        this.model = model;
        this.diagnostics = diagnostics;
        this.state = state;
    }

    /** This update's number, counted from 1 by the trainer (so {@code step() − 1} updates came before it). */
    public long step() {
        return state.step;
    }

    /** The epoch this update belongs to, counted from 1; 0 for updates made outside an epoch through {@link Trainer#step}. */
    public int epoch() {
        return state.epoch;
    }

    /** The factor on the batch's summed update this step uses: η_t, or η_t/k with {@link BatchScaling#MEAN} (see {@link org.fa4j.core.rule.StepState#learningRate()}). */
    public float learningRate() {
        return state.learningRate;
    }

    /** Examples in this step's batch. */
    public int batchSize() {
        return state.ws.batch;
    }

    /** The batch's loss, summed over its examples ({@code Σ ½‖e‖²} for squared error), before the update. */
    public double loss() {
        return loss;
    }

    /** The error {@code e = y* − y} of the batch ({@code batch × outputs}), one row per example. */
    public Matrix error() {
        return state.ws.err;
    }

    /** The network's outputs {@code y} for the batch. */
    public Matrix output() {
        return state.ws.act[state.ws.act.length - 1];
    }

    /** The targets {@code y*} of the batch. */
    public Matrix targets() {
        return state.ws.target;
    }

    /** The inputs of the batch. */
    public Matrix inputs() {
        return state.ws.x;
    }

    /** The model being trained (weights as before this step's update). */
    public Model model() {
        return model;
    }

    /** The probe: the hidden updates each rule would send for this step's error; computed only when asked. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
