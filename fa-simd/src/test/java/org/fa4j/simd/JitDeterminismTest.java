package org.fa4j.simd;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels give the same bits before and after C2 compiles them: a fresh JVM ({@link JitDeterminismProbe},
 * started with {@code -Xbatch} so compilation completes synchronously) computes logistic, tanh, gemv (N and T),
 * dot, squaredNorm and gemm on eight shapes and transpose pairs cold, i.e. interpreted in the Vector API's Java fallback, then after
 * 20 000 warm-up calls in C2-compiled code, and every result must match bit for bit. (It failed on the kernels that
 * used {@code lanewise(EXP/TANH)} and {@code reduceLanes(ADD)}.) Once warm, the element-wise and BLAS-2 kernels and
 * the packed GEMM on each of the eight shapes allocate nothing (per-thread scratch and packing buffers only).
 *
 * <p>A watchdog stops the probe after the seconds given by the system property {@value #TIMEOUT_PROPERTY} (default
 * 900: generous, because the probe shares a loaded machine) and reports that as an error carrying the probe's output
 * so far, not as a failed assertion: the time limit is no verdict on the kernels.
 */
class JitDeterminismTest {

    private static final List<String> KERNELS = List.of("logistic", "tanh", "gemv N", "gemv T", "dot", "squaredNorm",
            "gemm NN 13x50x21", "gemm NN 8x48x16", "gemm NN 3x97x5", "gemm NN 1x50x33", "gemm NN 40x1x33",
            "gemm TT 9x48x32", "gemm NT 17x50x35", "gemm TN 10x20x300");

    /** System property: seconds the probe may run before the watchdog stops it (default 900). */
    static final String TIMEOUT_PROPERTY = "fa4j.test.jitProbeTimeoutSeconds";

    static long timeoutSeconds() {
        String v = System.getProperty(TIMEOUT_PROPERTY, "900").trim();
        long s;
        try {
            s = Long.parseLong(v);
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s <= 0) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a positive number of seconds, got '" + v + "'");
        }
        return s;
    }

    @Test
    void everyVectorKernelGivesTheSameBitsColdAndAfterC2CompilesIt() throws IOException, InterruptedException,
            TimeoutException {
        Path classes = Path.of("target", "classes");
        Path testClasses = Path.of("target", "test-classes");
        assertThat(classes.resolve("org/fa4j/simd/internal/vector/VectorMath.class")).exists();
        assertThat(testClasses.resolve("org/fa4j/simd/JitDeterminismProbe.class")).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("fa4j-jit-probe", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-Xbatch", "--add-modules", "jdk.incubator.vector",
                    "-cp", classes + File.pathSeparator + testClasses, "org.fa4j.simd.JitDeterminismProbe")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long limit = timeoutSeconds();
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                // A watchdog, not a verdict on the kernels: a loaded machine may be slow, so this is an error that
                // shows how far the probe got, not an assertion failure.
                p.destroyForcibly().waitFor();
                String soFar = Files.readString(log, StandardCharsets.UTF_8);
                System.out.println(soFar);
                throw new TimeoutException("JitDeterminismProbe did not finish within " + limit + " s (raise it with -D"
                        + TIMEOUT_PROPERTY + "=SECONDS); its output so far:\n" + soFar);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("VECTOR path");
            for (String k : KERNELS) {
                assertThat(output).as(output).contains(k + " identical\n");
            }
            assertThat(output).doesNotContain("DIFFERS");
            assertThat(output).as("warm kernels allocate nothing").contains("steady-state allocation 0 bytes");
            for (String k : KERNELS) {
                if (k.startsWith("gemm")) {
                    assertThat(output).as("warm gemm allocates nothing: " + k).contains("steady-state gemm allocation 0 bytes in 100 calls of " + k + "\n");
                }
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
