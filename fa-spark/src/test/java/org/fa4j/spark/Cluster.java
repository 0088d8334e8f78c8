package org.fa4j.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository's scripts, run as a user runs them: {@code bin/spark-cluster} and {@code ./fa4j}. */
final class Cluster {
    private Cluster() {
    }

    /** The repository root (the surefire property {@code fa4j.home}). */
    static Path root() {
        return Path.of(System.getProperty("fa4j.home", "..")).toAbsolutePath().normalize();
    }

    /** The real data directory (the surefire property {@code fa4j.data}). */
    static Path data() {
        return Path.of(System.getProperty("fa4j.data", root().resolve("data").toString())).toAbsolutePath().normalize();
    }

    /** Where this test's cluster keeps its PIDs, logs and work. */
    static Path state() {
        return root().resolve("fa-spark/target/it-cluster");
    }

    /** Runs a repository script with {@code args}; returns its standard output and fails on a non-zero exit. */
    static String run(Path log, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, root().resolve(cmd.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile()).redirectError(log.toFile());
        pb.environment().put("FA4J_SPARK_CLUSTER", state().toString());
        pb.environment().put("FA4J_DATA", data().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end; its stderr is in " + log);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ": " + Files.readString(log));
        }
        return out;
    }

    /** The result files of a sweep output directory: file name to content. */
    static Map<String, String> files(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    /** The PID the script wrote for {@code name} ("master" or "worker"). */
    static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(state().resolve(name + ".pid")).strip());
    }
}
