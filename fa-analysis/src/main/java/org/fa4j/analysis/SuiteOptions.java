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

    /** Rejects a null mode. */
    public SuiteOptions {
        Objects.requireNonNull(mode, "mode must not be null (QUICK or FULL)");
    }

    /** The quick suite. */
    public static SuiteOptions quick() {
        return new SuiteOptions(Mode.QUICK);
    }

    /** The full suite. */
    public static SuiteOptions full() {
        return new SuiteOptions(Mode.FULL);
    }

    /** A builder starting from the default, {@link #quick()}. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().mode(mode);
    }

    /** Builds {@link SuiteOptions}; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private Mode mode = Mode.QUICK;

        private Builder() {
        }

        /** How thorough the suite is, QUICK or FULL (default QUICK). */
        public Builder mode(Mode v) { this.mode = v; return this; }

        /** The options, validated. */
        public SuiteOptions build() {
            return new SuiteOptions(mode);
        }
    }
}
