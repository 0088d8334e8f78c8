package org.fa4j.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fa4j.datasets.io.AtomicFiles;

/**
 * All reports of one {@link TheoremSuite} run, with JSON output and a Markdown summary table.
 *
 * @param schemaVersion version of this JSON layout
 * @param mode          QUICK or FULL
 * @param checks        one report per check, in run order
 * @param elapsedMillis wall time per check id (informational; never part of a verdict)
 * @param totalMillis   wall time of the whole run
 */
public record SuiteReport(int schemaVersion, String mode, List<CheckReport> checks, Map<String, Long> elapsedMillis,
        long totalMillis) {
    /** Current {@link #schemaVersion()}. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the list and map. */
    public SuiteReport {
        checks = List.copyOf(checks);
        elapsedMillis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(elapsedMillis));
    }

    /** True when every claim passed and every counter-case showed its predicted failure. */
    public boolean allAsPredicted() {
        return checks.stream().allMatch(CheckReport::asPredicted);
    }

    /** The report with the given id. */
    public CheckReport check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check with id '" + id + "'; ids are "
                        + checks.stream().map(CheckReport::id).toList()));
    }

    /** The whole report as indented JSON. */
    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toJson()} to {@code file} atomically ({@link AtomicFiles}: a temporary file in the same directory, then a move). */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** Writes {@link #summaryTable()} to {@code file} atomically. */
    public void writeSummary(Path file) throws IOException {
        AtomicFiles.writeString(file, summaryTable());
    }

    /** A Markdown table: one row per check with its role, reference, verdict, time and finding. */
    public String summaryTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# fa4j theorem checks (%s, %.1f s): %s%n%n", mode, totalMillis / 1000.0,
                allAsPredicted() ? "all as predicted" : "SOME NOT AS PREDICTED"));
        sb.append("| check | role | reference | verdict | time (s) | finding |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (CheckReport c : checks) {
            long ms = elapsedMillis.getOrDefault(c.id(), 0L);
            sb.append("| ").append(c.id())
                    .append(" | ").append(c.role() == Role.CLAIM ? "claim" : "counter-case")
                    .append(" | ").append(cell(c.reference()))
                    .append(" | ").append(c.verdict())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", ms / 1000.0))
                    .append(" | ").append(cell(c.finding()))
                    .append(" |\n");
        }
        sb.append("\nFor a counter-case, PASS means the predicted failure was observed.\n");
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
