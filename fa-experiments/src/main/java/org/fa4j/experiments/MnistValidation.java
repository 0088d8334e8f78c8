package org.fa4j.experiments;

import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Split;

/**
 * Runs of the MNIST network of fig2 (784-1000-10, logistic units) on a validation split, for the studies that fix a protocol
 * choice (a schedule, a decay λ, an initial scale) without ever looking at the test set. A run is exactly one trial of
 * the experiments: the same network, seeds, data order and update.
 */
public final class MnistValidation {
    /** Hidden units of the paper's MNIST network (784-1000-10). */
    public static final int HIDDEN = MnistTrial.HIDDEN;
    /** The weight decay α of the MNIST runs, in the per-batch-mean form W ← W(1 − ηα) + (η/m)·Σ δhᵀ. */
    public static final double WEIGHT_DECAY = MnistTrial.WEIGHT_DECAY;
    /** The trial seed of the experiments' validation search runs. */
    public static final int SEARCH_TRIAL = MnistExperiment.SEARCH_TRIAL;

    private MnistValidation() {
    }

    /** The split of the full protocol: {@link MnistExperiment#VALIDATION} training images held out with {@code seed}. */
    public static Split split(Dataset train, long seed) {
        return train.holdOut(MnistExperiment.VALIDATION, seed);
    }

    /**
     * Trains rule {@code rule} (a {@code fa4j train} rule name: bp, fa, shallow, kolen-pollack, ...) on {@code train}
     * with schedule {@code s} from W ~ U[−ω, ω], B ~ U[−β, β] (trial {@code trial} of master seed {@code seed}) and the
     * rule's own weight decay; returns the error on {@code validation} before learning and after each epoch.
     *
     * @throws org.fa4j.core.TrainingDivergedException if the run diverges
     */
    public static double[] errors(Dataset train, Dataset validation, String rule, MnistSchedule s, double omega,
                                  double beta, long seed, int trial) {
        return MnistTrial.run(train, validation, MnistRule.of(rule), s, MnistInit.shared(omega, beta), seed, trial, HIDDEN, false, null)
                .errors();
    }

    /** As {@link #errors(Dataset, Dataset, String, MnistSchedule, double, double, long, int)} with weight decay {@code alpha}. */
    public static double[] errors(Dataset train, Dataset validation, String rule, MnistSchedule s, double omega,
                                  double beta, long seed, int trial, double alpha) {
        return MnistTrial.run(train, validation, MnistRule.of(rule), s, MnistInit.shared(omega, beta), seed, trial, HIDDEN, false, null, alpha)
                .errors();
    }
}
