package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fa4j.cli.InProcess.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.fa4j.cli.InProcess.Run;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dir;

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
    void missingSubcommandIsAUsageErrorListingEverySubcommand() {
        Run r = run();
        assertThat(r.code()).isEqualTo(2);
        // Derived from picocli's subcommand map, so a new subcommand cannot be left out of the message.
        assertThat(new CommandLine(new Main()).getSubcommands().keySet()).contains("index", "fetch-data", "reproduce", "train", "check")
                .allSatisfy(name -> assertThat(r.err()).contains(name));
    }

    @Test
    void aZeroCountIsRejectedNamingTheFlag() throws Exception {
        Run trials = run("reproduce", "fig3", "--trials", "0", "--out", dir.toString());
        assertThat(trials.code()).isEqualTo(2);
        assertThat(trials.err()).contains("--trials is 0").contains("expected a positive count");
        Run epochs = run("reproduce", "fig3", "--epochs", "0", "--out", dir.toString());
        assertThat(epochs.code()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs is 0");
        Run paper = run("reproduce", "fig3", "--paper-epochs", "0", "--out", dir.toString());
        assertThat(paper.code()).isEqualTo(2);
        assertThat(paper.err()).contains("--paper-epochs is 0");
        Run train = run("train", "--config", tinyConfig("mnist").toString(), "--trials", "0", "--out", dir.toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("--trials is 0");
        assertThat(dir.resolve("fig3.json")).doesNotExist();
    }

    // --- train on a tiny generated IDX data set ---

    private Path data() throws Exception {
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("mnist"))) {
            TinyMnist.write(data, "mnist");
        }
        return data;
    }

    /** configs/tiny.json in the temp dir, so the result is train-configs-tiny.json. */
    private Path tinyConfig(String dataset) throws Exception {
        Path c = Files.createDirectories(dir.resolve("configs")).resolve("tiny.json");
        Files.writeString(c, TinyMnist.config(dataset, "fa"));
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path f) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(f.toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> train(Path out, String... flags) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--config", tinyConfig("mnist").toString(), "--quiet",
                "--data-dir", data().toString(), "--out", out.toString()));
        args.addAll(List.of(flags));
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("train-configs-tiny.json").contains("testErrorPercent");
        assertThat(out.resolve("train-configs-tiny.partial.json")).doesNotExist();
        Map<String, Object> m = json(out.resolve("train-configs-tiny.json"));
        assertThat(m).containsEntry("status", "complete");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trainConfig(Map<String, Object> result) {
        return (Map<String, Object>) ((Map<String, Object>) result.get("config")).get("trainConfig");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Double>> curves(Map<String, Object> result) {
        return (List<List<Double>>) ((Map<String, Object>) result.get("metrics")).get("testErrorPerEpoch");
    }

    @Test
    @SuppressWarnings("unchecked") // the result JSON read as plain maps
    void trainRunsTheConfigAsWrittenWithoutFlags() throws Exception {
        Map<String, Object> m = train(dir.resolve("plain"));
        assertThat(m).containsEntry("experiment", "train-configs-tiny");
        assertThat(trainConfig(m)).containsEntry("epochs", 2).containsEntry("trials", 1).containsEntry("seed", 7);
        assertThat((Map<String, Object>) m.get("seeds")).containsEntry("master", 7);
        assertThat(curves(m)).hasSize(1);
        assertThat(curves(m).get(0)).hasSize(3);
    }

    @Test
    void trainEpochsAndTrialsFlagsOverrideTheConfig() throws Exception {
        Map<String, Object> m = train(dir.resolve("over"), "--epochs", "3", "--trials", "2");
        assertThat(trainConfig(m)).containsEntry("epochs", 3).containsEntry("trials", 2).containsEntry("seed", 7);
        assertThat(curves(m)).hasSize(2).allSatisfy(c -> assertThat(c).hasSize(4));
        assertThat(curves(m).get(0)).isNotEqualTo(curves(m).get(1)); // each trial has its own weights and B
    }

    @Test
    @SuppressWarnings("unchecked") // the result JSON read as plain maps
    void trainSeedFlagChangesTheResultsSeedAndRun() throws Exception {
        Map<String, Object> own = train(dir.resolve("own"));
        Map<String, Object> seeded = train(dir.resolve("seeded"), "--seed", "99");
        Map<String, Object> again = train(dir.resolve("again"), "--seed", "99");
        assertThat(trainConfig(seeded)).containsEntry("seed", 99);
        assertThat((Map<String, Object>) seeded.get("seeds")).containsEntry("master", 99);
        assertThat(curves(seeded)).isNotEqualTo(curves(own)).isEqualTo(curves(again));
    }

    @Test
    void trainRejectsTheReproduceOnlyFlags() throws Exception {
        for (String[] flag : new String[][] {{"--quick"}, {"--paper-epochs", "3"}}) {
            Run r = run("train", "--config", tinyConfig("mnist").toString(), "--data-dir", data().toString(), "--out", dir.toString(), flag[0],
                    flag.length > 1 ? flag[1] : "--quiet");
            assertThat(r.code()).as(flag[0]).isEqualTo(2);
            assertThat(r.err()).contains("unknown option").contains(flag[0]);
        }
        assertThat(dir.resolve("train-configs-tiny.json")).doesNotExist();
    }

    @Test
    void reproduceTakesTheProtocolFlagForMnistOnlyAndNamesWhatItAccepts() throws Exception {
        Run other = run("reproduce", "fig1", "--protocol", "paper", "--quick", "--quiet", "--out", dir.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("--protocol paper applies to the mnist experiment only").doesNotContain("Exception");
        Run unknown = run("reproduce", "mnist", "--protocol", "slow", "--quick", "--quiet", "--out", dir.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--protocol is 'slow'; expected fast or paper");
        assertThat(dir.resolve("mnist-paper")).doesNotExist();
        assertThat(dir.resolve("fig1.json")).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked") // the result JSON read as plain maps
    void trainThatDivergesWritesStatusDivergedAndExitsWithOne() throws Exception {
        Path c = Files.createDirectories(dir.resolve("configs")).resolve("hot.json");
        Files.writeString(c, TinyMnist.divergingConfig());
        Run r = run("train", "--config", c.toString(), "--quiet", "--data-dir", data().toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("training diverged").contains("train-configs-hot.json");
        assertThat(json(dir.resolve("train-configs-hot.json"))).containsEntry("status", "diverged")
                .hasEntrySatisfying("error", e -> assertThat(e.toString()).contains("non-finite"));
        assertThat(dir.resolve("train-configs-hot.partial.json")).doesNotExist();
    }

    @Test
    void trainFetchesTheConfigsDataSetWhenItIsMissing() throws Exception {
        // A stand-in bin/fetch-data (found through -Dfa4j.home) that logs its call and puts the tiny set in place.
        Path source = dir.resolve("source");
        TinyMnist.write(source, "fashion-mnist");
        Path home = dir.resolve("home");
        Path script = Files.createDirectories(home.resolve("bin")).resolve("fetch-data");
        Path log = dir.resolve("fetch.log");
        Files.writeString(script, "#!/bin/sh\necho 'fetch-data: fetching'\necho \"$@\" >> '" + log + "'\nmkdir -p \"$2/fashion-mnist\"\ncp '"
                + source.resolve("fashion-mnist") + "'/* \"$2/fashion-mnist/\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path data = dir.resolve("empty-data");
        String old = System.getProperty("fa4j.home");
        System.setProperty("fa4j.home", home.toString());
        try {
            Run r = run("train", "--config", tinyConfig("fashion-mnist").toString(), "--data-dir", data.toString(),
                    "--out", dir.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("fa4j: no fashion-mnist data").contains("fetch-data: fetching");
            assertThat(r.out()).as("the script's messages are not results").doesNotContain("fetch-data");
            assertThat(log).content().contains("--data-dir " + data.toAbsolutePath());
            assertThat(json(dir.resolve("train-configs-tiny.json"))).containsEntry("status", "complete");
            // Present now: a second run does not fetch again.
            assertThat(run("train", "--config", tinyConfig("fashion-mnist").toString(), "--quiet", "--data-dir", data.toString(),
                    "--out", dir.toString()).code()).isZero();
            assertThat(Files.readAllLines(log)).hasSize(1);
        } finally {
            if (old == null) {
                System.clearProperty("fa4j.home");
            } else {
                System.setProperty("fa4j.home", old);
            }
        }
    }

    @Test
    void trainWritesOnePlainProgressLinePerEpochToAStderrThatIsNoTerminal() throws Exception {
        Run shown = run("train", "--config", tinyConfig("mnist").toString(), "--data-dir", data().toString(), "--out", dir.toString(),
                "--epochs", "3", "--trials", "2");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.err()).as("no bar redrawn in place").doesNotContain("\r");
        List<String> lines = shown.err().lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("train fa ") && l.contains(", epoch "))).hasSize(2 * 3);
        assertThat(lines).filteredOn(l -> l.startsWith("train fa ")).last().asString().contains("100% done in");
        assertThat(shown.out()).as("results stay on stdout").contains("trained in").doesNotContain("epoch");
    }

    @Test
    void quietTrainWritesNothingToStderr() throws Exception {
        for (String q : List.of("-q", "--quiet")) {
            Run quiet = run("train", "--config", tinyConfig("mnist").toString(), q, "--data-dir", data().toString(), "--out", dir.toString());
            assertThat(quiet.code()).isZero();
            assertThat(quiet.err()).as(q).isEmpty();
            assertThat(quiet.out()).contains("trained in");
        }
        Run before = run("-q", "train", "--config", tinyConfig("mnist").toString(), "--data-dir", data().toString(), "--out", dir.toString());
        assertThat(before.code()).isZero();
        assertThat(before.err()).as("-q before the subcommand").isEmpty();
    }
}
