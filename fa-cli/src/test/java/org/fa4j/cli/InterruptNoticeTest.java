package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on a running {@code fa4j train} says what was saved and how to resume; a finished run says nothing of it. */
class InterruptNoticeTest {
    @TempDir
    Path dir;
    Path config;
    Path data;

    @BeforeEach
    void fixture() throws Exception {
        data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        config = Files.createDirectories(dir.resolve("configs")).resolve("tiny.json");
        Files.writeString(config, TinyMnist.config("mnist", "fa"));
    }

    @Test
    void ctrlCPrintsTheUnfinishedFileAndHowToResume() throws Exception {
        Path out = dir.resolve("out");
        ChildCli run = ChildCli.start(dir, dir.resolve("logs"), "train", "--config", config.toString(), "--quiet",
                "--epochs", "1000000", "--data-dir", data.toString(), "--out", out.toString());
        Path partial = out.resolve("train-configs-tiny.partial.json");
        for (int i = 0; i < 1200 && !Files.exists(partial) && run.process().isAlive(); i++) {
            Thread.sleep(100);
        }
        assertThat(partial).as(run.stderr()).exists();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitCode(120)).isEqualTo(130);
        String err = run.stderr();
        assertThat(err).contains("fa4j: interrupted").contains("No file was completed in " + out)
                .contains("unfinished (the curve so far, not a result): train-configs-tiny.partial.json")
                .contains("to resume, run the same command again (./fa4j train --config " + config)
                .doesNotContain("\tat ");
    }

    @Test
    void aRunThatFinishesPrintsNoInterruptNotice() throws Exception {
        ChildCli run = ChildCli.start(dir, dir.resolve("logs"), "train", "--config", config.toString(), "--quiet",
                "--data-dir", data.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode(120)).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("interrupted");
        assertThat(run.stdout()).contains("trained in");
    }
}
