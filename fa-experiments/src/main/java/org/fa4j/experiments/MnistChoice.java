package org.fa4j.experiments;

/**
 * The fast protocol's hyperparameters for one data set, chosen on its validation split ({@link MnistSearch}) or read
 * from fig2's choice ({@link Fig2Choice}): the initial scales and the peak η of BP and its relatives, and shallow
 * learning's own hidden ω and peak η (its hidden layer never learns, so ω alone sets how useful its random features are;
 * and its output layer alone saturates at the others' η, see {@link MnistExperiment#SHALLOW_STUDY}).
 *
 * @param omega        hidden ω of every rule but shallow learning
 * @param outputOmega  output-layer ω_out of every rule
 * @param beta         β of the feedback matrices
 * @param eta          peak η of the fast schedule, every rule but shallow learning
 * @param shallowOmega shallow learning's hidden ω
 * @param shallowEta   shallow learning's peak η
 */
record MnistChoice(double omega, double outputOmega, double beta, double eta, double shallowOmega, double shallowEta) {
    /** The validation studies' values, used when there is no search and no usable fig2 choice. */
    static final MnistChoice DEFAULTS = new MnistChoice(MnistExperiment.DEFAULT_OMEGA, MnistExperiment.DEFAULT_OUTPUT_OMEGA,
            MnistExperiment.DEFAULT_BETA, MnistExperiment.FAST_ETA, MnistExperiment.DEFAULT_SHALLOW_OMEGA, MnistExperiment.SHALLOW_FAST_ETA);

    MnistChoice {
        new MnistInit(omega, outputOmega, beta); // checks the scales
        new MnistInit(shallowOmega, outputOmega, beta);
        if (!(eta > 0) || !(shallowEta > 0)) {
            throw new IllegalArgumentException("eta " + eta + ", shallow eta " + shallowEta + ": expected both > 0");
        }
    }

    /** The initial scales rule {@code r} starts from. */
    MnistInit init(MnistRule r) {
        return new MnistInit(r == MnistRule.SHALLOW ? shallowOmega : omega, outputOmega, beta);
    }

    /** The schedule rule {@code r} trains with: {@code s} at the rule's peak η. */
    MnistSchedule schedule(MnistSchedule s, MnistRule r) {
        return s.withEta((float) (r == MnistRule.SHALLOW ? shallowEta : eta));
    }

    /** This choice with hyperparameter {@code key} (a component's name) set to {@code v}. */
    MnistChoice with(String key, double v) {
        return switch (key) {
            case "omega" -> new MnistChoice(v, outputOmega, beta, eta, shallowOmega, shallowEta);
            case "outputOmega" -> new MnistChoice(omega, v, beta, eta, shallowOmega, shallowEta);
            case "beta" -> new MnistChoice(omega, outputOmega, v, eta, shallowOmega, shallowEta);
            case "eta" -> new MnistChoice(omega, outputOmega, beta, v, shallowOmega, shallowEta);
            case "shallowOmega" -> new MnistChoice(omega, outputOmega, beta, eta, v, shallowEta);
            case "shallowEta" -> new MnistChoice(omega, outputOmega, beta, eta, shallowOmega, v);
            default -> throw new IllegalArgumentException("no hyperparameter '" + key + "'");
        };
    }

    /** The hyperparameters in one line, e.g. for the result's choices. */
    String describe() {
        return "ω = " + omega + ", ω_out = " + outputOmega + ", β = " + beta + ", η = " + eta + " (shallow: ω = " + shallowOmega
                + ", η = " + shallowEta + ")";
    }
}
