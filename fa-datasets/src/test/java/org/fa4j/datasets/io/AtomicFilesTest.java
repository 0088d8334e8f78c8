package org.fa4j.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWrittenFileHasTheModeTheUmaskGivesANewFile() throws Exception {
        // Under umask 022 owner-only and rw-r--r-- are told apart by neither 077 nor 002, so both run in a child JVM.
        assertThat(modesUnderUmask("002")).isEqualTo("written=rw-rw-r-- plain=rw-rw-r--");
        assertThat(modesUnderUmask("077")).isEqualTo("written=rw------- plain=rw-------");
    }

    private String modesUnderUmask(String umask) throws IOException, InterruptedException {
        Path sub = Files.createDirectories(dir.resolve("umask-" + umask));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                cp.add(v);
            }
        }
        String cmd = "umask " + umask + " && exec '" + java + "' -cp '" + String.join(File.pathSeparator, cp) + "' "
                + ModeProbe.class.getName() + " '" + sub + "'";
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aFailedWriteLeavesNeitherTargetNorTemporary() throws Exception {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("r.json"), tmp -> {
            Files.writeString(tmp, "{\"half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(names()).isEmpty();
    }

    @Test
    void theTemporaryFileIsHiddenInTheTargetFolderAndNamesItsProcess() throws Exception {
        List<Path> seen = new ArrayList<>();
        AtomicFiles.writeString(dir.resolve("ignored.txt"), "");
        AtomicFiles.write(dir.resolve("fig3.json"), tmp -> {
            seen.add(tmp);
            Files.writeString(tmp, "{}");
        });
        Path tmp = seen.get(0);
        assertThat(tmp.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(tmp.getFileName().toString()).matches("\\.fig3-p" + ProcessHandle.current().pid() + "-\\d+\\.tmp\\.json");
        assertThat(AtomicFiles.isTemporary(tmp.getFileName().toString())).isTrue();
        assertThat(names()).containsExactly("fig3.json", "ignored.txt");
    }

    @Test
    void staleTemporariesOfDeadWritersAreRemovedAndThoseOfLiveOnesKept() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long dead = done.pid();
        Path stale = Files.createFile(dir.resolve(".fig3-p" + dead + "-42.tmp.json"));
        Path unowned = Files.createFile(dir.resolve(".fig3-8163.tmp.json")); // the name Files.createTempFile gives
        Path mine = Files.createFile(dir.resolve(".fig3-p" + ProcessHandle.current().pid() + "-7.tmp.json"));
        Path init = Files.createFile(dir.resolve(".fig3-p1-7.tmp.png")); // pid 1 started before the file: a live writer
        Path reused = Files.createFile(dir.resolve(".fig3-p1-8.tmp.png"));
        Files.setLastModifiedTime(reused, FileTime.from(Instant.EPOCH)); // written before pid 1 started: its writer died
        Path result = Files.createFile(dir.resolve("fig3.json"));
        Path dotted = Files.createFile(dir.resolve(".hidden.json"));

        assertThat(AtomicFiles.removeStaleTemporaries(dir)).containsExactlyInAnyOrder(stale, unowned, reused);
        assertThat(names()).containsExactlyInAnyOrder(mine.getFileName().toString(), init.getFileName().toString(),
                result.getFileName().toString(), dotted.getFileName().toString());
        assertThat(AtomicFiles.removeStaleTemporaries(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aWritableFolderIsCreatedAndLeftEmpty() throws Exception {
        Path out = dir.resolve("a/b/results");
        assertThat(AtomicFiles.checkWritableDirectory(out)).isEqualTo(out.toAbsolutePath());
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aFolderUnderARegularFileIsRefusedNamingThePathAndTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AtomicFiles.checkWritableDirectory(file.resolve("results")))
                .isInstanceOf(FileSystemException.class).hasMessageContaining(file.resolve("results").toString())
                .hasMessageContaining("Not a directory");
        assertThatThrownBy(() -> AtomicFiles.checkWritableDirectory(file))
                .isInstanceOf(FileSystemException.class).hasMessageContaining(file.toString()).hasMessageContaining("Not a directory");
    }

    @Test
    void savingAFileAgainRemovesTheStaleTemporariesOfItsKilledSavesOnly() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path stale = Files.createFile(dir.resolve(".model-p" + done.pid() + "-42.tmp.json"));
        Path other = Files.createFile(dir.resolve(".other-p" + done.pid() + "-42.tmp.json"));
        AtomicFiles.writeString(dir.resolve("model.json"), "{}");
        assertThat(stale).doesNotExist();
        assertThat(other).as("another file's leftovers wait for removeStaleTemporaries").exists();
    }
}
