package org.fa4j.analysis;

/** Whether a check tests a statement under its hypotheses or drops a hypothesis to show it matters. */
public enum Role {
    /** The hypotheses hold; the check passes when the statement's conclusion is observed. */
    CLAIM,
    /** A hypothesis is deliberately violated; the check passes when the predicted failure is observed. */
    COUNTER_CASE
}
