package org.fa4j.cli;

import java.nio.file.Path;
import org.fa4j.cli.progress.Stderr;
import org.fa4j.cli.progress.Verbosity;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The options both {@code reproduce} and {@code train} take; {@link ReproduceOptions} holds the ones only {@code reproduce} takes. */
final class CommonOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: $FA4J_DATA, else data/)")
    Path dataDir;

    @Option(names = "--trials", paramLabel = "N", description = "number of trials, at least 1 (default: reproduce: the paper's n, or 2-3 with --quick; train: the config's)")
    Integer trials;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores; results do not depend on it)")
    Integer threads;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs, at least 1 (default: reproduce: the MNIST runs' validation-chosen count; train: the config's)")
    Integer epochs;

    /** True under {@code -q} (a global option of {@link Main}): no progress display. */
    boolean quiet() {
        return Stderr.verbosity() == Verbosity.QUIET;
    }

    /** The data directory: {@code --data-dir}, else {@code $FA4J_DATA}, else {@code <repo>/data}. */
    Path dataDir() {
        return DataDir.resolve(dataDir);
    }

    /** {@code --trials}, or 0 when it was not given. */
    int trials(CommandLine cl) {
        return positiveOrZero(cl, "--trials", trials);
    }

    /** {@code --epochs}, or 0 when it was not given. */
    int epochs(CommandLine cl) {
        return positiveOrZero(cl, "--epochs", epochs);
    }

    /** {@code --threads}, checked; the number of cores when it was not given. */
    int threads(CommandLine cl) {
        return threadsOrCores(cl, threads);
    }

    /**
     * A {@code --threads} value: the number of cores the JVM sees when absent ({@code null}), else at least 1. Every
     * command's results are the same bits at any thread count, so the default only decides the speed.
     */
    static int threadsOrCores(CommandLine cl, Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(cl, "--threads is " + n + "; expected at least 1");
        }
        return n;
    }

    /** A count flag: absent gives 0 (the default), present must be at least 1. */
    static int positiveOrZero(CommandLine cl, String flag, Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 1) {
            throw new CommandLine.ParameterException(cl, flag + " is " + value + "; expected a positive count (leave "
                    + flag + " out for the default)");
        }
        return value;
    }
}
