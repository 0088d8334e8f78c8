package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {
    @TempDir
    Path dir;

    private static synchronized String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTemporaryFilesOfAStoppedRunAreRemovedAndNamed() throws Exception {
        Path stale = Files.createFile(dir.resolve(".fig3-8163.tmp.json"));
        Path result = Files.writeString(dir.resolve("fig3.json"), "{}");
        String err = stderrOf(() -> ResultsFolder.prepare(dir));
        assertThat(err).contains("fa4j: removed 1 temporary file that a stopped run left in " + dir + ": .fig3-8163.tmp.json");
        assertThat(stale).doesNotExist();
        assertThat(result).exists();
        assertThat(stderrOf(() -> ResultsFolder.prepare(dir))).as("nothing left to remove, nothing said").isEmpty();
    }
}
