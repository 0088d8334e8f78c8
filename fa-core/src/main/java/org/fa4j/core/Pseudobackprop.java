package org.fa4j.core;

/**
 * Pseudobackprop: each hidden layer receives {@code Δh_l = W_{l+1}⁺ δ_{l+1}}, with {@code W⁺} the Moore–Penrose
 * pseudoinverse of the current forward matrix (PAPER §1.3, {@code Δh_PBP = W⁺e}; Supplement Proof #2: approximately
 * Gauss–Newton).
 *
 * <p>{@code W⁺} is computed in float64 by EJML's SVD-based {@code SolvePseudoInverseSvd_DDRM} and rounded to float32.
 * It is recomputed every {@code recomputeEvery} training steps (1 = every step, exact; the default, and cheap for the
 * paper's 30-20-10 nets). For large layers, {@code recomputeEvery > 1} reuses a slightly stale {@code W⁺}. The
 * recomputation allocates EJML temporaries, so this rule is exempt from the zero-allocation guarantee.
 *
 * @param recomputeEvery steps between recomputations of {@code W⁺} (≥ 1)
 */
public record Pseudobackprop(int recomputeEvery) implements LearningRule {

    /** Checks {@code recomputeEvery >= 1}. */
    public Pseudobackprop {
        if (recomputeEvery < 1) {
            throw new IllegalArgumentException("recomputeEvery must be >= 1, got " + recomputeEvery);
        }
    }

    /** Recomputes {@code W⁺} every step. */
    public Pseudobackprop() {
        this(1);
    }

    @Override
    public String name() {
        return "pseudobackprop";
    }
}
