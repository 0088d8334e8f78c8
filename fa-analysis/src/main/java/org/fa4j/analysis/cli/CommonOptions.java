package org.fa4j.analysis.cli;

import java.nio.file.Path;

import org.fa4j.analysis.experiments.RunOptions;

import picocli.CommandLine.Option;

/** The options shared by {@code reproduce} and {@code train}. */
final class CommonOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: $FA4J_DATA, else data/)")
    Path dataDir;

    @Option(names = "--trials", paramLabel = "N", description = "number of trials (default: the paper's n, or 2-3 with --quick)")
    int trials;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int threads;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: ${DEFAULT-VALUE})", defaultValue = "1411024")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "MNIST-scale epochs (default: chosen on the validation split)")
    int epochs;

    @Option(names = "--paper-epochs", paramLabel = "N", description = "epochs of the paper's η = 1e-3 per-example MNIST schedule (default: as --epochs, else 20)")
    int paperEpochs;

    @Option(names = "--quick", description = "CI-sized runs (minutes in all)")
    boolean quick;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    RunOptions toRunOptions(picocli.CommandLine cl) {
        if (trials < 0) {
            throw new picocli.CommandLine.ParameterException(cl, "--trials is " + trials + "; expected a positive count");
        }
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(cl, "--threads is " + threads + "; expected at least 1");
        }
        if (paperEpochs < 0) {
            throw new picocli.CommandLine.ParameterException(cl, "--paper-epochs is " + paperEpochs + "; expected a positive count");
        }
        if (epochs < 0) {
            throw new picocli.CommandLine.ParameterException(cl, "--epochs is " + epochs + "; expected a positive count");
        }
        return new RunOptions(out, DataDir.resolve(dataDir), trials, threads, seed, quick, quiet, epochs, paperEpochs);
    }
}
