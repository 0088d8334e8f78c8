package org.fa4j.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip IDX file whose header claims 2·10<sup>9</sup> bytes over a 40 MiB random body (40 MiB compressed as well:
 * random bytes do not compress) is refused as truncated in a JVM with a 256 MiB heap. A reader that sizes its first
 * allocation from the compressed size (8× it, 320 MiB here) dies of an {@link OutOfMemoryError} instead.
 */
class IdxLyingGzipMemoryTest {
    private static final int BODY_BYTES = 40 << 20;
    private static final int CLAIMED_BYTES = 2_000_000_000;

    @TempDir
    Path dir;

    @Test
    void aGzipHeaderClaimingHugeDimensionsOverARandomBodyIsRefusedWithinA256MiBHeap() throws Exception {
        Path file = dir.resolve("lying.idx1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(IdxMalformedInputTest.idx(0x08, 1, new int[] {CLAIMED_BYTES}, new byte[0]));
            SplittableRandom r = new SplittableRandom(23);
            byte[] chunk = new byte[1 << 16];
            for (int done = 0; done < BODY_BYTES; done += chunk.length) {
                r.nextBytes(chunk);
                out.write(chunk);
            }
        }
        assertThat(Files.size(file)).as("random bytes stay about as large compressed").isGreaterThan(BODY_BYTES);

        String output = probe(file);
        assertThat(output).as(output).startsWith("refused: ").contains(file.toString()).contains("truncated")
                .contains(BODY_BYTES + " of " + CLAIMED_BYTES + " elements");
    }

    private static String probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                cp.add(v);
            }
        }
        Path log = Files.createTempFile("fa4j-lying-gzip", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", String.join(File.pathSeparator, cp),
                    LyingGzipProbe.class.getName(), file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("the probe did not finish in 300 s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
