package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * fa4j on the class path, as a user who does not use the module system runs it: no {@code --add-modules
 * jdk.incubator.vector}, so fa-simd must choose the scalar path, say once why, and never link a Vector API class
 * (sparse products included), and the built-in rules must still be found when a model is loaded.
 */
class ClassPathTrainingTest {

    @Test
    void mnistShapedTrainingRunsToTheEndOnTheScalarPath() throws Exception {
        List<String> cp = new ArrayList<>();
        cp.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        cp.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String p : System.getProperty("jdk.module.path", "").split(File.pathSeparator)) {
            if (!p.isBlank() && !cp.contains(p)) {
                cp.add(p);
            }
        }
        for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!p.isBlank() && !cp.contains(p)) {
                cp.add(p);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, cp),
                ClassPathTraining.class.getName()).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s", out).isZero();
        assertThat(out).doesNotContain("NoClassDefFoundError").doesNotContain("jdk/incubator/vector")
                .contains("steps 12, path SCALAR, reloaded true");
        List<String> decisions = out.lines().filter(l -> l.contains("fa4j kernels:")).toList();
        assertThat(decisions).as("kernel-path decisions logged; output:%n%s", out).hasSize(1);
        assertThat(decisions.get(0)).contains("SCALAR path (").contains("jdk.incubator.vector");
    }
}
