package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link WeightMirror}: feedback-alignment backward pass through {@code B_l}; after each forward update, one mirror step
 * per layer: {@code ξ ~ N(0, σ²)}, {@code ξ' = ξ W_lᵀ}, {@code B_l ← (1 − λ_B) B_l + η_B ξᵀ ξ'}. The noise buffers
 * depend only on {@code k}, not on the training batch, and are allocated once here.
 */
final class WeightMirrorEngine extends ChainEngine {
    private final float rate;
    private final float keep;
    private final double sigma;
    private final SplittableRandom noise;
    private final Matrix[] xi;
    private final Matrix[] xiOut;

    private final int from;
    private final int to;

    /** Mirrors {@code B_l} for layers {@code from..to} (all layers above the first, or one layer's pathway). */
    WeightMirrorEngine(WeightMirror rule, Model m, int from, int to, SplittableRandom noise) {
        this.from = from;
        this.to = to;
        this.rate = (float) rule.mirrorRate();
        this.keep = (float) (1 - rule.mirrorDecay());
        this.sigma = rule.noiseStd();
        this.noise = noise;
        NetworkSpec spec = m.spec();
        xi = new Matrix[spec.depth()];
        xiOut = new Matrix[spec.depth()];
        for (int l = from; l <= to; l++) {
            xi[l] = Matrix.zeros(rule.mirrorBatch(), spec.units(l - 1));
            xiOut[l] = Matrix.zeros(rule.mirrorBatch(), spec.units(l));
        }
    }

    @Override
    void sendDown(Model m, int l, Matrix deltaL, Matrix out, Linalg la) {
        la.gemm(Op.N, Op.T, 1f, deltaL, m.fb[l], 0f, out); // Δh = B δ
    }

    @Override
    void afterUpdate(Model m, Workspace ws, Linalg la, float eta) {
        mirror(m, la);
    }

    /** One mirror step for every layer this engine keeps. */
    void mirror(Model m, Linalg la) {
        for (int l = from; l <= to; l++) {
            fillGaussian(xi[l]);
            la.gemm(Op.N, Op.N, 1f, xi[l], m.wt[l], 0f, xiOut[l]);       // ξ' = ξ W_lᵀ: noise through the forward path
            la.gemm(Op.T, Op.N, rate, xi[l], xiOut[l], keep, m.fb[l]);   // B ← (1 − λ_B) B + η_B ξᵀξ'
        }
    }

    private void fillGaussian(Matrix x) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                x.set(i, j, (float) (sigma * noise.nextGaussian()));
            }
        }
    }
}
