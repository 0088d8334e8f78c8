package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fa4j.cli.progress.Stderr;
import org.fa4j.datasets.Mnist;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a JVM of its own, started as {@code ./fa4j} starts it: {@code java @fa-cli/jvm.args
 * -Dfa4j.stderr.tty=... -p MODULES -m org.fa4j.cli/org.fa4j.cli.Main}, with the test's module path.
 */
class LaunchTest {
    private static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    private record Launched(int code, String out, String err) {
        /** Stderr's lines after the JVM's own incubator warning, which must come first. */
        List<String> errAfterJvm() {
            List<String> lines = err.lines().toList();
            assertThat(lines).as(err).first().isEqualTo(INCUBATOR);
            return lines.subList(1, lines.size());
        }
    }

    private Launched launch(boolean tty, Map<String, String> env, String... args) throws Exception {
        String modulePath = modulePath();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "@" + BASEDIR.resolve("jvm.args"), "-D" + Stderr.TTY_PROPERTY + "=" + tty,
                "-p", modulePath, "-m", "org.fa4j.cli/org.fa4j.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("FA4J_DEBUG");
        pb.environment().put("FA4J_HOME", dir.toString()); // no bin/fetch-data here: nothing is downloaded
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the command ended").isTrue();
        return new Launched(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The test's module path plus the jars Surefire put on the class path: the runtime dependencies that no module
     * requires (JLine's native library among them), which {@code ./fa4j} has on its module path; the test libraries
     * among them are named modules that nothing requires, so the JVM leaves them out.
     */
    private static String modulePath() {
        String modules = System.getProperty("jdk.module.path");
        assertThat(modules).as("the tests run on the module path").isNotBlank();
        List<String> path = new ArrayList<>(List.of(modules.split(java.io.File.pathSeparator)));
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                path.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, path);
    }

    private String[] train(String... more) throws Exception {
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("mnist"))) {
            TinyMnist.write(data, "mnist");
        }
        Path c = Files.createDirectories(dir.resolve("configs")).resolve("tiny.json");
        Files.writeString(c, TinyMnist.config("mnist", "fa"));
        List<String> args = new ArrayList<>(List.of("train", "--config", c.toString(), "--data-dir", data.toString(),
                "--out", dir.resolve("results").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theLauncherRunsJavaWithTheSameFlagsFile() throws Exception {
        assertThat(BASEDIR.resolveSibling("fa4j")).content().contains("@\"$root/fa-cli/jvm.args\"");
    }

    @Test
    void helpShowsTheIncubatorWarningAsTheOnlyJvmLine() throws Exception {
        Launched r = launch(false, Map.of(), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.errAfterJvm()).isEmpty();
        assertThat(r.out()).contains("Exit status:").contains("130");
    }

    @Test
    void aProgressBarOnATerminalBringsNoNativeAccessWarning() throws Exception {
        Launched r = launch(true, Map.of(), train("--epochs", "3"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).as("the bar was drawn, so JLine measured the terminal").contains("\r").contains("train fa");
        assertThat(r.err()).doesNotContain("restricted method").doesNotContain("enable-native-access");
        assertThat(r.err().lines().filter(l -> l.startsWith("WARNING"))).containsExactly(INCUBATOR);
    }

    @Test
    void aStderrThatIsNoTerminalGetsOneLinePerEpochAndNoCarriageReturn() throws Exception {
        Launched r = launch(false, Map.of(), train("--epochs", "4", "--trials", "2"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("\r");
        List<String> progress = r.errAfterJvm().stream().filter(l -> l.startsWith("train fa ")).toList();
        assertThat(progress).hasSize(2 * 4 + 1);
        assertThat(progress.subList(0, 8)).allSatisfy(l -> assertThat(l).contains(", epoch "));
        assertThat(progress.get(8)).startsWith("train fa 100% done in ");
        assertThat(r.out()).contains("trained in");
    }

    @Test
    void quietLeavesStderrToTheJvm() throws Exception {
        Launched r = launch(false, Map.of(), train("-q"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errAfterJvm()).isEmpty();
        assertThat(r.out()).contains("trained in");
    }

    @Test
    void aUsageErrorIsTwoLinesAndExitStatusTwo() throws Exception {
        Launched r = launch(false, Map.of(), "reproduce", "fig3", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errAfterJvm()).containsExactly("fa4j: unknown option: '--bogus'", "see: fa4j reproduce --help");
    }

    @Test
    void aFailureIsOneLineAndExitStatusOneAndFa4jDebugAddsTheStackTrace() throws Exception {
        String[] args = train("-q");
        Path images = dir.resolve("data").resolve("mnist").resolve(Mnist.TRAIN_IMAGES);
        Files.write(images, java.util.Arrays.copyOf(Files.readAllBytes(images), 40));
        Launched r = launch(false, Map.of(), args);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errAfterJvm()).singleElement().asString().startsWith("fa4j: ").contains(Mnist.TRAIN_IMAGES);
        Launched debug = launch(false, Map.of("FA4J_DEBUG", "1"), args);
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.errAfterJvm().getFirst()).isEqualTo(r.errAfterJvm().getFirst());
        assertThat(debug.errAfterJvm()).anySatisfy(l -> assertThat(l).startsWith("\tat org.fa4j."));
    }
}
