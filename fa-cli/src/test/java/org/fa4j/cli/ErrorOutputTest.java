package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fa4j.cli.InProcess.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fa4j.cli.InProcess.Run;
import org.fa4j.datasets.Mnist;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorOutputTest {
    @TempDir
    Path dir;

    @Test
    void aBadOptionIsExactlyTheMessageAndWhereToLookAndExitsWithTwo() {
        Run r = run("reproduce", "fig3", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("fa4j: unknown option: '--bogus'", "see: fa4j reproduce --help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadValueNamesTheOptionAndTheValueInTwoLines() {
        Run r = run("reproduce", "fig3", "--threads", "many");
        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("fa4j: ").contains("--threads").contains("many");
        assertThat(lines.get(1)).isEqualTo("see: fa4j reproduce --help");
    }

    @Test
    void aUsageErrorOfTheTopCommandPointsAtItsHelp() {
        assertThat(run("--bogus").err().lines()).containsExactly("fa4j: unknown option: '--bogus'", "see: fa4j --help");
        Run none = run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().lines()).hasSize(2).last().isEqualTo("see: fa4j --help");
    }

    @Test
    void aMistypedOptionSuggestsTheNearOnesOnTheSameLine() {
        Run r = run("reproduce", "fig3", "--quik");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(2).first().asString().contains("'--quik'").contains("did you mean --quick");
    }

    @Test
    void quietAndVerboseTogetherAreAUsageError() {
        Run r = run("-q", "index", "-v", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("fa4j: -q and -v contradict each other; give one of them", "see: fa4j index --help");
    }

    @Test
    void aFailingCommandIsOneLineWithoutAStackTraceAndExitsWithOne() throws Exception {
        Run r = run("-q", "train", "--config", tinyConfig().toString(), "--data-dir", brokenData().toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().startsWith("fa4j: ").contains(Mnist.TRAIN_IMAGES);
        assertThat(r.err()).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTraceBelowTheSameLine() throws Exception {
        Run quiet = run("-q", "train", "--config", tinyConfig().toString(), "--data-dir", brokenData().toString(), "--out", dir.toString());
        Run debug = run("-q", "--debug", "train", "--config", tinyConfig().toString(), "--data-dir", brokenData().toString(),
                "--out", dir.toString());
        assertThat(debug.code()).isEqualTo(1);
        List<String> lines = debug.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo(quiet.err().strip());
        assertThat(lines.subList(1, lines.size())).anySatisfy(l -> assertThat(l).startsWith("\tat org.fa4j."));
    }

    /** The tiny data set with its training images cut short: it exists, so nothing is fetched, and reading it fails. */
    private Path brokenData() throws Exception {
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("mnist"))) {
            Path images = TinyMnist.write(data, "mnist").resolve(Mnist.TRAIN_IMAGES);
            byte[] all = Files.readAllBytes(images);
            Files.write(images, java.util.Arrays.copyOf(all, 40));
        }
        return data;
    }

    private Path tinyConfig() throws Exception {
        Path c = Files.createDirectories(dir.resolve("configs")).resolve("tiny.json");
        Files.writeString(c, TinyMnist.config("mnist", "fa"));
        return c;
    }
}
