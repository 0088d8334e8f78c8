package org.fa4j.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one theorem check: what was checked, against which equation of the paper, with which parameters,
 * what was measured, the tolerances applied and the verdict. Serialises to JSON with Jackson as it stands.
 *
 * @param id              short stable identifier, e.g. {@code "conservation-law"}
 * @param title           one-line statement of what was checked
 * @param reference       the paper's equation, lemma or figure, e.g. {@code "eq. (14), Supplement Proof #1"}
 * @param role            claim under its hypotheses, or counter-case with a hypothesis dropped
 * @param parameters      the parameter record the check ran with (a record, serialised field by field)
 * @param measured        measured values, in insertion order (numbers, lists of numbers or short strings)
 * @param tolerances      the tolerance for each criterion, keyed like the criterion
 * @param verdict         PASS or FAIL (for a counter-case: PASS means the predicted failure was observed)
 * @param predictedFailure for a counter-case, the failure the theory predicts; empty for a claim
 * @param finding         one or two sentences saying what was observed, with the key numbers
 * @param notes           corrections to the paper's text used by this check, and other caveats
 */
public record CheckReport(
        String id,
        String title,
        String reference,
        Role role,
        Object parameters,
        Map<String, Object> measured,
        Map<String, Double> tolerances,
        Verdict verdict,
        String predictedFailure,
        String finding,
        List<String> notes) {

    /** Copies the maps and lists so the report is immutable; nulls are rejected. */
    public CheckReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(verdict, "verdict");
        measured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measured));
        tolerances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tolerances));
        predictedFailure = predictedFailure == null ? "" : predictedFailure;
        finding = Objects.requireNonNull(finding, "finding");
        notes = List.copyOf(notes);
    }

    /** True when the check came out as the theory predicts (PASS for a claim, failure observed for a counter-case). */
    public boolean asPredicted() {
        return verdict == Verdict.PASS;
    }

    /** One line: {@code id (reference): PASS|FAIL: finding}. */
    public String describe() {
        return id + " (" + reference + "): " + verdict + ": " + finding;
    }

    /**
     * Returns this report if the check came out as predicted, else throws an {@link AssertionError} whose message is
     * {@link #describe()}: what was measured, against which threshold, and where. In a JUnit test,
     * {@code ModelChecks.conditionOne(model, x, y).assertPassed();} fails like an assertion.
     */
    public CheckReport assertPassed() {
        if (!asPredicted()) {
            throw new AssertionError(describe());
        }
        return this;
    }
}
