package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels give the same bits before and after C2 compiles them: a fresh JVM ({@link JitDeterminismProbe},
 * started with {@code -Xbatch} so compilation completes synchronously) computes logistic, tanh, gemv (N and T),
 * dot, squaredNorm and gemm on eight shapes and transpose pairs cold, i.e. interpreted in the Vector API's Java fallback, then after
 * 20 000 warm-up calls in C2-compiled code, and every result must match bit for bit. (It failed on the kernels that
 * used {@code lanewise(EXP/TANH)} and {@code reduceLanes(ADD)}.) Once warm, the element-wise and BLAS-2 kernels and
 * the packed GEMM on each of the eight shapes allocate nothing (per-thread scratch and packing buffers only).
 */
class JitDeterminismTest {

    private static final List<String> KERNELS = List.of("logistic", "tanh", "gemv N", "gemv T", "dot", "squaredNorm",
            "gemm NN 13x50x21", "gemm NN 8x48x16", "gemm NN 3x97x5", "gemm NN 1x50x33", "gemm NN 40x1x33",
            "gemm TT 9x48x32", "gemm NT 17x50x35", "gemm TN 10x20x300");

    @Test
    void everyVectorKernelGivesTheSameBitsColdAndAfterC2CompilesIt() throws IOException, InterruptedException {
        Path classes = Path.of("target", "classes");
        Path testClasses = Path.of("target", "test-classes");
        assertThat(classes.resolve("org/fa4j/simd/VectorMath.class")).exists();
        assertThat(testClasses.resolve("org/fa4j/simd/JitDeterminismProbe.class")).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("fa4j-jit-probe", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-Xbatch", "--add-modules", "jdk.incubator.vector",
                    "-cp", classes + File.pathSeparator + testClasses, "org.fa4j.simd.JitDeterminismProbe")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(done).as("probe finished within 300 s").isTrue();
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
