package org.fa4j.core.rule;

import java.util.SplittableRandom;
import org.fa4j.core.Loss;
import org.fa4j.core.NetworkSpec;
import org.fa4j.datasets.SeedStream;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Node perturbation (Williams 1992; Werfel, Xie &amp; Seung 2005), the paper's "reinforcement learning" baseline, in the
 * form of PAPER §1.3: every hidden pre-activation is perturbed, {@code ã_l = W_l h̃_{l−1} + b_l + ξ_l} with
 * {@code ξ_l ~ N(0, σ² I)}, the perturbed loss {@code L̃} is compared with the clean loss {@code L}, and each hidden
 * layer receives {@code δ_l = −(L̃ − L) ξ_l / σ²}, so {@code ΔW_l = η δ_l h_{l−1}ᵀ}; to first order in σ,
 * {@code E[δ_l] = −∂L/∂a_l}. With several hidden layers all are perturbed at once, each with its own noise. The output
 * layer learns with the exact {@code δ_y}, as in every condition of the paper. Noise comes from the
 * {@link SeedStream#PERTURBATION} stream of the training seed; each example of a mini-batch has its own noise.
 *
 * @param sigma the perturbation standard deviation σ (&gt; 0)
 */
public record NodePerturbation(double sigma) implements LearningRule {

    /** Checks {@code sigma > 0}. */
    public NodePerturbation {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
    }

    /** Reads {@code node-perturbation} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("node-perturbation", p -> new NodePerturbation(p.number("sigma")));
    }

    @Override
    public String name() {
        return "node-perturbation";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("sigma", sigma).build();
    }

    @Override
    public RuleEngine engine(RuleContext context) {
        return new Engine(sigma, context.random(SeedStream.PERTURBATION));
    }

    /** A second, perturbed forward pass, then {@code δ_l = −(L̃ − L) ξ_l / σ²} per example. */
    private static final class Engine implements RuleEngine {
        private final double sigma;
        private final SplittableRandom noise;

        Engine(double sigma, SplittableRandom noise) {
            this.sigma = sigma;
            this.noise = noise;
        }

        /** Per-batch-size buffers: noise and perturbed activations per layer, per-example clean loss. */
        private static final class Scratch {
            final Matrix[] xi;
            final Matrix[] act;
            final Matrix err;
            final double[] cleanLoss;

            Scratch(StepState s) {
                int depth = s.depth();
                int batch = s.batchSize();
                xi = new Matrix[depth];
                act = new Matrix[depth];
                for (int l = 0; l < depth; l++) {
                    xi[l] = Matrix.zeros(batch, s.spec().units(l));
                    act[l] = Matrix.zeros(batch, s.spec().units(l));
                }
                err = Matrix.zeros(batch, s.spec().outputs());
                cleanLoss = new double[batch];
            }
        }

        @Override
        public void backward(StepState s) {
            NetworkSpec spec = s.spec();
            Linalg la = s.linalg();
            int top = s.depth() - 1;
            if (top == 0) {
                return;
            }
            Scratch sc = s.scratch(this, Scratch::new);
            Loss loss = spec.loss();
            int batch = s.batchSize();
            for (int i = 0; i < batch; i++) {
                sc.cleanLoss[i] = loss.exampleLoss(s.target(), s.activation(top), s.error(), i);
            }
            // perturbed forward pass: ã_l = W_l h̃_{l−1} + b_l + ξ_l for hidden l
            for (int l = 0; l <= top; l++) {
                Matrix in = l == 0 ? s.input() : sc.act[l - 1];
                la.gemm(Op.N, Op.N, 1f, in, s.weightsTransposed(l), 0f, sc.act[l]);
                if (s.bias(l) != null) {
                    la.addRowVector(sc.act[l], s.bias(l));
                }
                if (l < top) {
                    fillGaussian(sc.xi[l]);
                    la.axpy(1f, sc.xi[l], sc.act[l]);
                }
                spec.layers().get(l).activation().apply(la, sc.act[l]);
            }
            loss.outputs(sc.act[top]);
            la.sub(s.target(), sc.act[top], sc.err);
            double inv = 1 / (sigma * sigma);
            for (int i = 0; i < batch; i++) {
                double perturbed = loss.exampleLoss(s.target(), sc.act[top], sc.err, i);
                float c = (float) (-(perturbed - sc.cleanLoss[i]) * inv); // δ = −(L̃ − L) ξ / σ²
                for (int l = 0; l < top; l++) {
                    Matrix xi = sc.xi[l];
                    Matrix d = s.delta(l);
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
}
