package org.fa4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TheoremSuiteTest {
    private static SuiteReport report;

    @BeforeAll
    static void runQuickSuite() {
        report = TheoremSuite.runAll(SuiteOptions.quick());
    }

    @Test
    void everyClaimPassesAndEveryCounterCaseShowsItsPredictedFailure() {
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.verdict()).as(c.id() + ": " + c.finding())
                .isEqualTo(Verdict.PASS));
        assertThat(report.allAsPredicted()).isTrue();
        assertThat(report.checks()).extracting(CheckReport::id).containsExactly("conservation-law", "theorem-1",
                "theorem-1-counter-wide-output", "theorem-1-counter-nonzero-C", "fig3-dynamics", "lemma-5-theorem-2",
                "fig4-pseudoinverse", "proof-2-gauss-newton", "condition-1");
        assertThat(report.checks()).filteredOn(c -> c.role() == Role.COUNTER_CASE).hasSize(2)
                .allSatisfy(c -> assertThat(c.predictedFailure()).isNotBlank());
    }

    @Test
    void jsonCarriesEveryReportWithItsParametersAndMeasurements() throws Exception {
        JsonNode root = SuiteReport.mapper().readTree(report.toJson());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(SuiteReport.SCHEMA_VERSION);
        assertThat(root.get("checks")).hasSize(report.checks().size());
        for (int i = 0; i < report.checks().size(); i++) {
            CheckReport c = report.checks().get(i);
            JsonNode n = root.get("checks").get(i);
            assertThat(n.get("id").asText()).isEqualTo(c.id());
            assertThat(n.get("verdict").asText()).isEqualTo(c.verdict().name());
            assertThat(n.get("parameters").isObject()).isTrue();
            assertThat(n.get("measured").size()).isEqualTo(c.measured().size());
        }
        JsonNode t1 = root.get("checks").get(1);
        assertThat(t1.get("measured").get("finalRelativeError").asDouble())
                .isEqualTo((double) report.check("theorem-1").measured().get("finalRelativeError"));
        assertThat(t1.get("parameters").get("nH").asInt()).isEqualTo(20);
    }

    @Test
    void writeJsonReplacesTheFileAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("report.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");
        report.writeJson(file);
        assertThat(SuiteReport.mapper().readTree(file.toFile()).get("mode").asText()).isEqualTo("QUICK");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void summaryTableHasOneRowPerCheck() {
        String table = report.summaryTable();
        for (CheckReport c : report.checks()) {
            assertThat(table).contains("| " + c.id() + " |");
        }
        assertThat(table).contains("all as predicted");
    }
}
