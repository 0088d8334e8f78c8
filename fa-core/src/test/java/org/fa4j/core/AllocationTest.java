package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The steady-state training step allocates nothing, on both kernel paths: backprop, feedback alignment, shallow and
 * node perturbation, online (batch 1) and mini-batch (10, with a final batch of 3), dense inputs and sparse ones
 * (layer 0 on fa-simd's sparse products), with a listener attached; and feedback alignment on two threads, where
 * fa-simd's pool shares the products and element-wise operations (every thread's bytes counted). {@link AllocationProbe} measures the training
 * thread's allocated bytes (ThreadMXBean) over whole epochs after warm-up, in a fresh JVM started with {@code -Xbatch}
 * so that the warm-up C2 needs does not depend on the machine's load (see there). Each case must show 0 bytes.
 */
class AllocationTest {

    private static final Pattern CASE = Pattern.compile("case (\\S+ \\S+ batch \\d+ \\S+): (-?\\d+) bytes per epoch after (\\d+) warm-up epochs");

    @Test
    void steadyStateTrainingStepsAllocateNothingOnBothPaths() throws IOException, InterruptedException {
        probeAllocatesNothing("-Xbatch");
    }

    /**
     * The same with C2 alone (no tiered compilation): here the C2-compiled packing of a transposed A once stayed on the
     * Vector API's boxing fallback, 640 B per batch-1 step on this network for good, while the tiered run reached 0.
     */
    @Test
    void steadyStateTrainingStepsAllocateNothingUnderC2Alone() throws IOException, InterruptedException {
        probeAllocatesNothing("-Xbatch", "-XX:-TieredCompilation");
    }

    private static void probeAllocatesNothing(String... flags) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                cp.add(v);
            }
        }
        Path log = Files.createTempFile("fa4j-allocation-probe", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of(java));
            cmd.addAll(List.of(flags));
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector,jdk.management",
                    "-cp", String.join(File.pathSeparator, cp), "org.fa4j.core.AllocationProbe"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(done).as("probe finished within 300 s").isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("VECTOR path").contains("done");
            Matcher m = CASE.matcher(output);
            int cases = 0;
            while (m.find()) {
                cases++;
                assertThat(Long.parseLong(m.group(2))).as("%s (after %s warm-up epochs, %s)", m.group(1), m.group(3), String.join(" ", flags)).isZero();
            }
            assertThat(cases).as("2 paths x 4 rules x 2 batch sizes x 2 inputs, and feedback alignment on two threads").isEqualTo(33);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
