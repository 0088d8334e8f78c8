package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fa4j.datasets.Mnist;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad paths are found before any work: an output folder that cannot be written, a config or folder that does not
 * exist. Each gets one message naming the path and the operating system's reason, a non-zero exit and no stack trace.
 */
class FailBeforeWorkTest {
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

    private static void noStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void reproduceRefusesAnOutputFolderUnderARegularFileBeforeRunning() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Run r = run("reproduce", "fig3", "--quiet", "--out", file.resolve("out").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(file.resolve("out").toAbsolutePath().toString()).contains("Not a directory");
        assertThat(r.out()).as("nothing ran").doesNotContain("done in");
        noStackTrace(r);
        Run same = run("reproduce", "fig3", "--quiet", "--out", file.toString());
        assertThat(same.code()).isNotZero();
        assertThat(same.err()).contains(file.toAbsolutePath().toString()).contains("Not a directory");
    }

    @Test
    void reproduceRefusesAFolderNoOneMayCreateFilesInBeforeRunning() {
        // sysfs refuses new files to every user, root included (a folder made read-only would not stop root).
        Run r = run("reproduce", "fig3", "--quiet", "--out", "/sys");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("/sys").contains("cannot create a file in the folder").contains("Permission denied");
        noStackTrace(r);
    }

    @Test
    void trainRefusesABadOutputFolderBeforeFetchingOrReadingData() throws Exception {
        Path c = Files.createDirectories(dir.resolve("configs")).resolve("tiny.json");
        Files.writeString(c, TinyMnist.config("mnist", "fa"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Run r = run("train", "--config", c.toString(), "--quiet", "--data-dir", dir.resolve("no-data").toString(),
                "--out", file.resolve("out").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(file.resolve("out").toAbsolutePath().toString()).contains("Not a directory")
                .doesNotContain("fetching");
        noStackTrace(r);
    }

    @Test
    void aConfigThatDoesNotExistIsNamedWithTheReason() {
        Path missing = dir.resolve("nope.json");
        Run r = run("train", "--config", missing.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(missing + ": cannot read the config: No such file or directory");
        noStackTrace(r);
    }

    @Test
    void indexRefusesAMistypedFolderAndOneWithoutResultsAndWritesNothing() throws Exception {
        Path typo = dir.resolve("resluts");
        Run r = run("index", "--out", typo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + typo).contains("No such file or directory");
        assertThat(typo).doesNotExist();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run none = run("index", "--out", empty.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("holds no results").contains("fig3.json");
        assertThat(empty).isEmptyDirectory();
        noStackTrace(none);
    }

    @Test
    void reproduceAllRefusesACorruptDataFileOfItsLastExperimentBeforeRunningTheFirst() throws Exception {
        Path data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        TinyMnist.write(data, "fashion-mnist");
        Path labels = data.resolve("fashion-mnist").resolve(Mnist.TEST_LABELS);
        byte[] bytes = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(bytes, bytes.length - 3)); // truncated
        Path out = dir.resolve("out");
        Run r = run("reproduce", "all", "--quick", "--quiet", "--data-dir", data.toString(), "--out", out.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("cannot read the fashion-mnist data").contains(labels.toString()).contains("the file holds only 27 bytes");
        assertThat(out).isEmptyDirectory(); // fig3, the first experiment, did not run
        noStackTrace(r);
    }

    @Test
    void checkRefusesAnOutputFolderUnderARegularFileBeforeRunningTheChecks() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Run r = run("check", "--out", file.resolve("out").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(file.resolve("out").toAbsolutePath().toString()).contains("Not a directory");
        assertThat(r.out()).as("no check ran").doesNotContain("| condition-1 |");
        noStackTrace(r);
    }
}
