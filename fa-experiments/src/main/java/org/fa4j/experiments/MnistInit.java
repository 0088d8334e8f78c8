package org.fa4j.experiments;

/**
 * The initial weight scales of an MNIST run (PAPER.md §2.3 gives none; they are chosen on the validation split):
 * W0, W ~ U[-ω, ω] and B ~ U[-β, β]. Shallow learning has its own ω, because its hidden layer never learns: ω alone sets
 * how useful its random features are (see {@link MnistExperiment#SHALLOW_OMEGA_STUDY}), while the other rules learn
 * their hidden layer.
 *
 * @param omega        ω of every rule but shallow learning
 * @param shallowOmega ω of shallow learning
 * @param beta         β of the feedback matrices
 */
record MnistInit(double omega, double shallowOmega, double beta) {
    MnistInit {
        if (!(omega > 0) || !(shallowOmega > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("omega " + omega + ", shallow omega " + shallowOmega + ", beta " + beta
                    + ": expected all > 0");
        }
    }

    /** The ω a rule starts from. */
    double omegaFor(MnistRule rule) {
        return rule == MnistRule.SHALLOW ? shallowOmega : omega;
    }
}
