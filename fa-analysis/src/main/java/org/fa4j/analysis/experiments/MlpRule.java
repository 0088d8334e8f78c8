package org.fa4j.analysis.experiments;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The learning rules of the MNIST-scale network, by their command-line / JSON names. BP, FA, sparse FA and shallow
 * are the paper's (PAPER.md §2.3); DFA, sign symmetry and Kolen–Pollack are the later family, run as an extra table.
 */
enum MlpRule {
    /** Backprop: δ_l = (δ_{l+1} W_l) ∘ f'. */
    BACKPROP("bp"),
    /** Feedback alignment: δ_l = (δ_{l+1} B_l) ∘ f' with fixed random B (eq. 2). */
    FEEDBACK_ALIGNMENT("fa"),
    /** FA with 50% of the output weights W and of B removed, permanently (PAPER.md §2.3). */
    SPARSE_FA("sparse-fa"),
    /** Only the output layer learns. */
    SHALLOW("shallow"),
    /** Direct feedback alignment (Nøkland 2016): every hidden layer gets D_l e directly; same as FA with one hidden layer. */
    DIRECT_FA("dfa"),
    /** Sign symmetry (Liao et al. 2016): feedback sign(W_l) scaled by mean |W_l|. */
    SIGN_SYMMETRY("sign-symmetry"),
    /** Kolen–Pollack (Akrout et al. 2019): B gets the same update and decay as W, so B → W. */
    KOLEN_POLLACK("kolen-pollack");

    final String id;

    MlpRule(String id) {
        this.id = id;
    }

    /** True if the rule sends the error back through a matrix other than W (so Δh_FA∡Δh_BP is meaningful). */
    boolean usesFeedbackMatrix() {
        return this == FEEDBACK_ALIGNMENT || this == SPARSE_FA || this == DIRECT_FA || this == KOLEN_POLLACK;
    }

    /** The rule called {@code id}. */
    static MlpRule of(String id) {
        for (MlpRule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + id + "'; expected one of "
                + Arrays.stream(values()).map(r -> r.id).collect(Collectors.joining(", ")));
    }
}
