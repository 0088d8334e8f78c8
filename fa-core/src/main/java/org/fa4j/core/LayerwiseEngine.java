package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/** {@link Layerwise}: layer {@code l} sends its update down through the pathway rule {@code pathways[l − 1]}. */
final class LayerwiseEngine extends ChainEngine {
    private final ChainEngine[] pathways;

    LayerwiseEngine(ChainEngine[] pathways) {
        this.pathways = pathways;
    }

    @Override
    void beforeBackward(Model m, long step) {
        for (ChainEngine p : pathways) {
            p.beforeBackward(m, step);
        }
    }

    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        pathways[l - 1].sendDown(m, l, deltaL, out, la);
    }

    @Override
    void afterUpdate(Model m, Workspace ws, Linalg la, float eta) {
        for (ChainEngine p : pathways) {
            p.afterUpdate(m, ws, la, eta);
        }
    }
}
