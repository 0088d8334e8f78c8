package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.datasets.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: {@code fa4j reproduce fig3} (a few seconds) is killed with SIGKILL at {@value #KILLS} moments drawn
 * from a seeded generator, half of them in the last part of the run, where the figures, the result and the index are
 * saved, all into one results folder. A run to the end after that must leave exactly the files of an uninterrupted
 * run, with the same result (all but the keys {@code createdUtc} and {@code wallTimeSeconds}) and the same figures,
 * and no temporary file of any killed run.
 */
class KillDuringSaveTest {
    private static final int KILLS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Path file) throws Exception {
        Map<String, Object> m = JSON.readValue(file.toFile(), Map.class);
        m.remove("createdUtc");
        m.remove("wallTimeSeconds");
        return m;
    }

    @Test
    void aRunKilledAtRandomMomentsAndRunAgainEndsAsAnUninterruptedRun() throws Exception {
        Path logs = dir.resolve("logs");
        // Both runs write "out" relative to their own folder, so the recorded command is the same.
        Path reference = Files.createDirectories(dir.resolve("reference"));
        long t0 = System.nanoTime();
        ChildCli whole = ChildCli.start(reference, logs, "reproduce", "fig3", "--quiet", "--out", "out");
        assertThat(whole.exitCode(300)).as(whole.stderr()).isZero();
        long runMillis = Math.max(200, (System.nanoTime() - t0) / 1_000_000);

        Path faulted = Files.createDirectories(dir.resolve("faulted"));
        SplittableRandom random = new SplittableRandom(20261207L);
        int leftTemporaries = 0;
        for (int k = 0; k < KILLS; k++) {
            // Kill times only choose where the runs stop; no assertion depends on them.
            long at = random.nextBoolean() ? random.nextLong(runMillis) : (long) (runMillis * (0.6 + 0.45 * random.nextDouble()));
            ChildCli run = ChildCli.start(faulted, logs, "reproduce", "fig3", "--quiet", "--out", "out");
            if (run.process().waitFor(at, TimeUnit.MILLISECONDS)) {
                continue; // finished before its kill time: a complete run, also a valid state to resume from
            }
            run.process().destroyForcibly().waitFor();
            Path out = faulted.resolve("out");
            if (Files.isDirectory(out)) {
                leftTemporaries += (int) names(out).stream().filter(AtomicFiles::isTemporary).count();
            }
        }
        System.out.println("KillDuringSaveTest: " + KILLS + " kills over a " + runMillis + " ms run left " + leftTemporaries
                + " temporary files along the way");

        ChildCli resumed = ChildCli.start(faulted, logs, "reproduce", "fig3", "--quiet", "--out", "out");
        assertThat(resumed.exitCode(300)).as(resumed.stderr()).isZero();

        Path expected = reference.resolve("out");
        Path actual = faulted.resolve("out");
        assertThat(names(actual)).isEqualTo(names(expected)).contains("fig3.json", "fig3.png", "fig3.svg", "index.md")
                .noneMatch(AtomicFiles::isTemporary).noneMatch(n -> n.startsWith("."));
        assertThat(result(actual.resolve("fig3.json"))).isEqualTo(result(expected.resolve("fig3.json")));
        assertThat(Files.readAllBytes(actual.resolve("fig3.png"))).isEqualTo(Files.readAllBytes(expected.resolve("fig3.png")));
        assertThat(Files.readAllBytes(actual.resolve("fig3.svg"))).isEqualTo(Files.readAllBytes(expected.resolve("fig3.svg")));
    }
}
