package org.fa4j.core;

import org.fa4j.simd.Linalg;

/**
 * The working part of a {@link LearningRule}, bound to one model by a {@link Trainer}. Each step the trainer runs the
 * forward pass, sets the output delta {@code δ_y} in {@code ws.delta[top]}, calls {@link #beforeBackward} and
 * {@link #backward}, lets listeners look, applies {@code W_l += η δ_lᵀ h_{l−1}} to every layer for which
 * {@link #learns} holds, then calls {@link #afterUpdate}. Engines allocate nothing in steady state: per-batch-size
 * buffers go in {@code ws.ruleScratch}.
 *
 * <p>Hooks for rules beyond the paper: a rule that needs the output error at every layer (DFA) reads
 * {@code ws.err} / {@code ws.delta[top]}; one that adapts {@code B} after each update (Kolen–Pollack, weight mirror)
 * overrides {@link #afterUpdate}; one that derives {@code B} from {@code W} each step (sign symmetry) overrides
 * {@link #beforeBackward}.
 */
abstract class RuleEngine {

    /** Called once per step before {@link #backward}, with the step number (0-based). */
    void beforeBackward(Model m, long step) {
    }

    /** Fills {@code ws.delta[l]} for every learning layer {@code l} below the top; {@code ws.delta[top]} is set. */
    abstract void backward(Model m, Workspace ws, Linalg la);

    /** Whether layer {@code layer}'s weights and bias change. */
    boolean learns(int layer, int depth) {
        return true;
    }

    /** Called after the forward parameters were updated with learning rate {@code eta}. */
    void afterUpdate(Model m, Workspace ws, Linalg la, float eta) {
    }
}
