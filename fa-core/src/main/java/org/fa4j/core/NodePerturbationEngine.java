package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * {@link NodePerturbation} (PAPER §1.3, Werfel et al. 2005): a second, perturbed forward pass with
 * {@code ξ_l ~ N(0, σ²I)} added to every hidden pre-activation, then {@code δ_l = −(L̃ − L) ξ_l / σ²} per example.
 */
final class NodePerturbationEngine extends RuleEngine {
    private final double sigma;
    private final SplittableRandom noise;

    /** Per-batch-size buffers: noise and perturbed activations per layer, per-example clean loss. */
    private static final class Scratch {
        final Matrix[] xi;
        final Matrix[] act;
        final Matrix err;
        final double[] cleanLoss;

        Scratch(NetworkSpec spec, int batch) {
            int depth = spec.depth();
            xi = new Matrix[depth];
            act = new Matrix[depth];
            for (int l = 0; l < depth; l++) {
                xi[l] = Matrix.zeros(batch, spec.units(l));
                act[l] = Matrix.zeros(batch, spec.units(l));
            }
            err = Matrix.zeros(batch, spec.outputs());
            cleanLoss = new double[batch];
        }
    }

    NodePerturbationEngine(NodePerturbation rule, SplittableRandom noise) {
        this.sigma = rule.sigma();
        this.noise = noise;
    }

    @Override
    void backward(Model m, Workspace ws, Linalg la) {
        NetworkSpec spec = m.spec();
        int top = ws.act.length - 1;
        if (top == 0) {
            return;
        }
        if (!(ws.ruleScratch instanceof Scratch)) {
            ws.ruleScratch = new Scratch(spec, ws.batch);
        }
        Scratch s = (Scratch) ws.ruleScratch;
        boolean ce = spec.loss() instanceof Loss.SoftmaxCrossEntropy;
        for (int i = 0; i < ws.batch; i++) {
            s.cleanLoss[i] = ce ? Ops.crossEntropyRow(ws.target, ws.act[top], i) : 0.5 * Ops.squaredNormRow(ws.err, i);
        }
        // perturbed forward pass: ã_l = W_l h̃_{l−1} + b_l + ξ_l for hidden l
        for (int l = 0; l <= top; l++) {
            Matrix in = l == 0 ? ws.x : s.act[l - 1];
            la.gemm(Op.N, Op.N, 1f, in, m.wt[l], 0f, s.act[l]);
            if (m.b[l] != null) {
                la.addRowVector(s.act[l], m.b[l]);
            }
            if (l < top) {
                fillGaussian(s.xi[l]);
                la.axpy(1f, s.xi[l], s.act[l]);
            }
            spec.layers().get(l).activation().apply(la, s.act[l]);
        }
        if (ce) {
            Ops.softmaxRows(s.act[top]);
        }
        la.sub(ws.target, s.act[top], s.err);
        double inv = 1 / (sigma * sigma);
        for (int i = 0; i < ws.batch; i++) {
            double perturbed = ce ? Ops.crossEntropyRow(ws.target, s.act[top], i) : 0.5 * Ops.squaredNormRow(s.err, i);
            float c = (float) (-(perturbed - s.cleanLoss[i]) * inv); // δ = −(L̃ − L) ξ / σ²
            for (int l = 0; l < top; l++) {
                Matrix xi = s.xi[l];
                Matrix d = ws.delta[l];
                for (int j = 0; j < d.cols(); j++) {
                    d.set(i, j, c * xi.get(i, j));
                }
            }
        }
    }

    private void fillGaussian(Matrix m) {
        float[] d = m.array();
        for (int i = 0; i < m.rows(); i++) {
            int o = m.offset() + i * m.stride();
            for (int j = 0; j < m.cols(); j++) {
                d[o + j] = (float) (sigma * noise.nextGaussian());
            }
        }
    }
}
