package org.fa4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.idx.IdxFormatException;
import org.fa4j.datasets.io.IoErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fa4j fetch-data}: runs the repository's {@code bin/fetch-data} (MNIST and Fashion-MNIST). */
@Command(name = "fetch-data", mixinStandardHelpOptions = true,
        description = "Download MNIST into <data>/mnist and Fashion-MNIST into <data>/fashion-mnist (runs bin/fetch-data).")
final class FetchDataCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: $FA4J_DATA, else data/)")
    Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return fetch(DataDir.resolve(dataDir));
    }

    /**
     * Runs bin/fetch-data when one of {@code datasets} (directory names under {@code data}, e.g. {@code mnist},
     * {@code fashion-mnist}) lacks its IDX files; fails if the script fails or the files are still missing after it.
     */
    static void ensure(Path data, List<String> datasets) throws IOException, InterruptedException {
        List<String> missing = datasets.stream().filter(d -> !present(data, d)).toList();
        if (missing.isEmpty()) {
            return;
        }
        System.getLogger("org.fa4j.cli").log(System.Logger.Level.INFO,
                "fa4j: no " + String.join(", ", missing) + " data in " + data + "; fetching it (bin/fetch-data)");
        int rc = fetch(data, missing);
        if (rc != 0) {
            throw new IllegalStateException("bin/fetch-data failed with exit code " + rc + " (its last line above names the source it"
                    + " tried and why it failed); fetch the data by hand into " + data + " or run ./fa4j fetch-data again");
        }
        for (String d : missing) {
            if (!present(data, d)) {
                throw new IllegalStateException("bin/fetch-data succeeded but " + data.resolve(d) + " still lacks the four IDX files");
            }
        }
    }

    /** Runs bin/fetch-data for {@code data}; returns its exit code. */
    static int fetch(Path data) throws IOException, InterruptedException {
        return fetch(data, List.of("mnist", "fashion-mnist"));
    }

    private static int fetch(Path data, List<String> wanted) throws IOException, InterruptedException {
        Path script = DataDir.repoRoot().resolve("bin").resolve("fetch-data");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("cannot fetch the data: " + script + " is missing or not executable; "
                    + "put the IDX files in " + String.join(" and ", wanted.stream().map(w -> data.resolve(w).toString()).toList())
                    + " by hand or set FA4J_HOME to the repository root");
        }
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "--data-dir", data.toAbsolutePath().toString())
                .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("FA4J_DATA", data.toAbsolutePath().toString());
        Process p = pb.start();
        // The script's messages are progress, not results: they go to stderr, so stdout holds the run's results only.
        try (InputStream out = p.getInputStream()) {
            out.transferTo(System.err);
        }
        return p.waitFor();
    }

    /**
     * Reads and checks the four IDX files of {@code data/<dataset>} (headers, sizes, labels), so that a truncated or
     * corrupt file is named before any work; throws with the file, the offset or the operating system's reason.
     */
    static void requireReadable(Path data, String dataset) {
        try {
            Mnist.load(data.resolve(dataset), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + dataset + " data in " + data.resolve(dataset) + ": "
                    + (e instanceof IdxFormatException ? e.getMessage() : IoErrors.describe(e))
                    + " (./fa4j fetch-data fetches it again)", e);
        }
    }

    /** True if the four IDX files are present under {@code data/<dataset>} (under any name {@link Mnist} reads). */
    static boolean present(Path data, String dataset) {
        return Mnist.hasFiles(data.resolve(dataset));
    }
}
