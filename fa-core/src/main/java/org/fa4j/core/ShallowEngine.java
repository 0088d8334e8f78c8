package org.fa4j.core;

import org.fa4j.simd.Linalg;

/** {@link Shallow}: no hidden deltas; only the top layer learns (PAPER §1.3). */
final class ShallowEngine extends RuleEngine {
    @Override
    void backward(Model m, Workspace ws, Linalg la) {
    }

    @Override
    boolean learns(int layer, int depth) {
        return layer == depth - 1;
    }
}
