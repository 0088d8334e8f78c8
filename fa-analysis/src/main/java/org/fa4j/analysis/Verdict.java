package org.fa4j.analysis;

/**
 * Outcome of one theorem check.
 *
 * <p>For a {@link Role#CLAIM} check, {@code PASS} means the statement held within its tolerance. For a
 * {@link Role#COUNTER_CASE}, {@code PASS} means the predicted failure was observed (the hypothesis was dropped and the
 * conclusion failed in the predicted way).
 */
public enum Verdict {
    /** The claim held, or the counter-case failed exactly as predicted. */
    PASS,
    /** The claim did not hold, or the counter-case did not show the predicted failure. */
    FAIL;

    static Verdict of(boolean ok) {
        return ok ? PASS : FAIL;
    }
}
