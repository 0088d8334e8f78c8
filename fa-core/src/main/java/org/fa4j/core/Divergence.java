package org.fa4j.core;

/** Finds the first non-finite quantity after a step's loss came out NaN or infinite. */
final class Divergence {
    private Divergence() {
    }

    /** The exception naming the first non-finite input, parameter or activation, walking the forward pass in order. */
    static TrainingDivergedException locateForward(Model m, Workspace ws, long step) {
        if (!Ops.allFinite(ws.x)) {
            return new TrainingDivergedException(step, 0, "input");
        }
        for (int l = 0; l < m.depth(); l++) {
            if (!Ops.allFinite(m.wt[l])) {
                return new TrainingDivergedException(step, l, "weights");
            }
            if (m.b[l] != null && !Ops.allFinite(m.b[l])) {
                return new TrainingDivergedException(step, l, "bias");
            }
            if (!Ops.allFinite(ws.act[l])) {
                return new TrainingDivergedException(step, l, "activation");
            }
        }
        int top = m.depth() - 1;
        if (!Ops.allFinite(ws.target)) {
            return new TrainingDivergedException(step, top, "target");
        }
        return new TrainingDivergedException(step, top, Ops.allFinite(ws.err) ? "loss" : "output error");
    }
}
