package org.fa4j.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    /** Runs bin/fetch-data for {@code data}; returns its exit code. */
    static int fetch(Path data) throws IOException, InterruptedException {
        Path script = DataDir.repoRoot().resolve("bin").resolve("fetch-data");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("cannot fetch the data: " + script + " is missing or not executable; "
                    + "put the IDX files in " + data.resolve("mnist") + " by hand or set FA4J_HOME to the repository root");
        }
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "--data-dir", data.toAbsolutePath().toString()).inheritIO();
        pb.environment().put("FA4J_DATA", data.toAbsolutePath().toString());
        return pb.start().waitFor();
    }

    /** True if the four MNIST IDX files (raw or gzip) are present under {@code data/mnist}. */
    static boolean mnistPresent(Path data) {
        return present(data, "mnist");
    }

    /** True if the four IDX files (raw or gzip) are present under {@code data/<dataset>}. */
    static boolean present(Path data, String dataset) {
        Path m = data.resolve(dataset);
        for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"}) {
            if (!Files.exists(m.resolve(f)) && !Files.exists(m.resolve(f + ".gz"))) {
                return false;
            }
        }
        return true;
    }
}
