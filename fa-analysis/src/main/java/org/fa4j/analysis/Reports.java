package org.fa4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects measurements, tolerances and criteria while a check runs, then builds its {@link CheckReport}. */
final class Reports {
    private final String id;
    private final String title;
    private final String reference;
    private final Role role;
    private final Object parameters;
    private final Map<String, Object> measured = new LinkedHashMap<>();
    private final Map<String, Double> tolerances = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private String predictedFailure = "";

    Reports(String id, String title, String reference, Role role, Object parameters) {
        this.id = id;
        this.title = title;
        this.reference = reference;
        this.role = role;
        this.parameters = parameters;
    }

    Reports measure(String key, Object value) {
        measured.put(key, value);
        return this;
    }

    /** Records a criterion {@code ok} with its tolerance; a failed criterion makes the verdict FAIL. */
    Reports require(String key, double tolerance, boolean ok) {
        tolerances.put(key, tolerance);
        if (!ok) {
            failed.add(key);
        }
        return this;
    }

    Reports note(String note) {
        notes.add(note);
        return this;
    }

    Reports predictedFailure(String text) {
        predictedFailure = text;
        return this;
    }

    CheckReport build(String finding) {
        String text = failed.isEmpty() ? finding : finding + " Criteria not met: " + String.join(", ", failed) + ".";
        return new CheckReport(id, title, reference, role, parameters, measured, tolerances,
                Verdict.of(failed.isEmpty()), predictedFailure, text, notes);
    }
}
