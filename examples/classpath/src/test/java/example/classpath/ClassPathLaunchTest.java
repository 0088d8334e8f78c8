package example.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train-mnist program launched with {@code java -cp} as this example's README writes it: with
 * {@code --add-modules jdk.incubator.vector} it runs the Vector API kernels, without it the scalar ones, and both
 * train, save and load back (a slice of MNIST: 1 000 images, one epoch).
 */
class ClassPathLaunchTest {
    @TempDir
    Path dir;

    static Path mnist() {
        String p = System.getenv("FA4J_DATA");
        Path data = (p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "..", "data")).toAbsolutePath().normalize().resolve("mnist");
        boolean present = Files.isDirectory(data);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but there is no MNIST in " + data + ": run bin/fetch-data first");
        }
        assumeTrue(present, "no MNIST in " + data + " (bin/fetch-data)");
        return data;
    }

    /** The jars and class folders of this test's class path, without the test framework's booter. */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.contains("surefire")).toList());
    }

    private String launch(boolean vectorFlag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (vectorFlag) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of("-cp", classPath(), "example.trainmnist.TrainMnist", mnist().toString(),
                dir.resolve(vectorFlag ? "v.json" : "s.json").toString(), "1", "1000"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("Exception").doesNotContain("NoClassDefFoundError");
        assertThat(out).containsPattern("test error [0-9.]+%; saved to .* and loaded back: [0-9.]+%");
        return out;
    }

    @Test
    void withTheOneFlagTheVectorKernelsRun() throws Exception {
        String out = launch(true);
        assertThat(out.lines().filter(l -> l.contains("fa4j kernels:"))).singleElement().asString().contains("VECTOR path");
        assertThat(out).contains("WARNING: Using incubator modules: jdk.incubator.vector");
    }

    @Test
    void withoutItTheScalarKernelsRunAndSaySo() throws Exception {
        String out = launch(false);
        assertThat(out.lines().filter(l -> l.contains("fa4j kernels:"))).singleElement().asString().contains("SCALAR path")
                .contains("jdk.incubator.vector");
        assertThat(out).doesNotContain("Using incubator modules");
    }
}
