package org.fa4j.analysis;

import java.util.Objects;

/**
 * Options for {@link TheoremSuite#runAll(SuiteOptions)}.
 *
 * @param mode QUICK (seconds; the default) or FULL (a finer Fig. 3 grid, a longer multi-seed Fig. 4 sweep, one more
 *             learning rate for eq. 14)
 */
public record SuiteOptions(Mode mode) {
    /** How thorough the suite is. */
    public enum Mode {
        /** Every check with settings that keep the whole suite to a few seconds. */
        QUICK,
        /** Finer grids, longer runs, more seeds. */
        FULL
    }

    /** Rejects null. */
    public SuiteOptions {
        Objects.requireNonNull(mode, "mode");
    }

    /** The quick suite. */
    public static SuiteOptions quick() {
        return new SuiteOptions(Mode.QUICK);
    }

    /** The full suite. */
    public static SuiteOptions full() {
        return new SuiteOptions(Mode.FULL);
    }
}
