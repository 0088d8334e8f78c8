package org.fa4j.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void anUnknownFlagIsNamedAndExitsWithTwo() {
        Run r = run("reproduce", "fig3", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--bogus");
    }

    @Test
    void anUnknownExperimentIsNamedWithTheChoices() {
        Run r = run("reproduce", "fig9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fig9").contains("fig2d").contains("all");
    }

    @Test
    void aBadNumberIsNamed() {
        Run r = run("reproduce", "fig3", "--trials", "-3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--trials");
        Run t = run("reproduce", "fig3", "--threads", "many");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--threads").contains("many");
    }

    @Test
    void aBadTrainConfigFieldIsNamed() throws Exception {
        Path c = dir.resolve("c.json");
        Files.writeString(c, "{\"version\":1,\"colour\":\"green\"}");
        Run r = run("train", "--config", c.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("colour");
    }

    @Test
    void reproduceFig3WritesItsResultAndFigures() {
        Run r = run("reproduce", "fig3", "--quiet", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("fig3.json")).exists();
        assertThat(dir.resolve("fig3.png")).exists();
        assertThat(dir.resolve("fig3.svg")).exists();
        assertThat(r.out()).contains("trajectoryFromOrigin");
        assertThat(dir.resolve("index.md")).content().contains("Fig. 3").contains("![fig3.png](fig3.png)")
                .contains("./fa4j reproduce fig3");
    }

    @Test
    void indexRebuildsTheIndexFromTheResultsPresent() throws Exception {
        assertThat(run("reproduce", "fig3", "--quiet", "--out", dir.toString()).code()).isZero();
        Files.delete(dir.resolve("index.md"));
        assertThat(run("index", "--out", dir.toString()).code()).isZero();
        assertThat(dir.resolve("index.md")).content().contains("Fig. 3").doesNotContain("Fig. 2d");
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("fetch-data", "reproduce", "train", "check");
    }

    @Test
    void checkWritesTheTheoremReportAndSummaryAndExitsZeroWhenAllCameOutAsPredicted() throws Exception {
        Run bad = run("check", "--fast", "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--fast");
        Run r = run("check", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("theorem-report.json")).content().contains("\"mode\" : \"QUICK\"").contains("fig3-dynamics");
        assertThat(dir.resolve("theorem-summary.md")).content().contains("fig3-dynamics").contains("all as predicted");
        assertThat(r.out()).contains("| condition-1 |");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(run().code()).isEqualTo(2);
    }
}
