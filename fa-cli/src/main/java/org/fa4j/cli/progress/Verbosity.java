package org.fa4j.cli.progress;

/** How much the command line writes to stderr: {@code -q}, the default, or {@code -v}. */
public enum Verbosity {
    /** Warnings and errors only; no progress. */
    QUIET,
    /** Information and progress. */
    NORMAL,
    /** As {@link #NORMAL}, plus the libraries' debug messages, and on a terminal every epoch or trial above the bar. */
    VERBOSE
}
