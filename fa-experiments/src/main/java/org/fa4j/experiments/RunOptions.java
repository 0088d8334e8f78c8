package org.fa4j.experiments;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run an experiment: where results go, where the data lives, and the global knobs of the command line.
 *
 * @param out     the results directory (created if absent)
 * @param dataDir the data directory holding {@code mnist/} and {@code fashion-mnist/}
 * @param trials  number of trials, or 0 for the experiment's default (the paper's n where it states one)
 * @param threads worker threads (trials run in parallel; results do not depend on this)
 * @param seed    the master seed; every random stream of an experiment derives from it
 * @param quick   a CI-sized run of every experiment (minutes in all)
 * @param quiet   no progress bars
 * @param epochs  MNIST epochs override, or 0 for the experiment's own choice (validation-selected or default)
 * @param paperEpochs the epoch cap of the paper's protocol ({@code reproduce mnist --protocol paper}, η = 1e-3 per example), or 0 for its 200
 */
public record RunOptions(Path out, Path dataDir, int trials, int threads, long seed, boolean quick, boolean quiet, int epochs, int paperEpochs) {

    /** Checks the values. */
    public RunOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(dataDir, "dataDir");
        if (trials < 0) {
            throw new IllegalArgumentException("trials is " + trials + "; expected 0 (the default) or a positive count");
        }
        if (epochs < 0 || paperEpochs < 0) {
            throw new IllegalArgumentException("epochs is " + epochs + " and paperEpochs " + paperEpochs + "; expected 0 (the default) or a positive count");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
        }
    }

    /** The trial count: the explicit one, else {@code full} for a full run or {@code quick} for a quick one. */
    public int trialsOr(int full, int quickTrials) {
        return trials > 0 ? trials : (quick ? quickTrials : full);
    }
}
