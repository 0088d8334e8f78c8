package org.fa4j.core;

import org.fa4j.datasets.SeedStream;

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

    @Override
    public String name() {
        return "node-perturbation";
    }
}
