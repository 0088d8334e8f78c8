package org.fa4j.cli;

import java.nio.file.Path;

/** Where the data lives: {@code --data-dir}, else {@code $FA4J_DATA}, else {@code <repo>/data}. */
final class DataDir {
    private DataDir() {
    }

    static Path resolve(Path flag) {
        if (flag != null) {
            return flag;
        }
        String env = System.getenv("FA4J_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return repoRoot().resolve("data");
    }

    /**
     * The repository root (where {@code bin/fetch-data} lives): the system property {@code fa4j.home}, else
     * {@code $FA4J_HOME} (set by the launcher), else the working directory.
     */
    static Path repoRoot() {
        String prop = System.getProperty("fa4j.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String home = System.getenv("FA4J_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
    }
}
