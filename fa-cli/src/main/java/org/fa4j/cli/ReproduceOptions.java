package org.fa4j.cli;

import org.fa4j.experiments.RunOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options only {@code reproduce} takes: the master seed with its default, {@code --quick}, {@code --paper-epochs},
 * {@code --protocol}.
 */
final class ReproduceOptions {
    /** The master seed of {@code reproduce} when {@code --seed} is not given. */
    static final long DEFAULT_SEED = 1411024L;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: ${DEFAULT-VALUE})", defaultValue = "" + DEFAULT_SEED)
    long seed;

    @Option(names = "--paper-epochs", paramLabel = "N", description = "epoch cap of reproduce mnist --protocol paper (default: 200)")
    Integer paperEpochs;

    @Option(names = "--quick", description = "CI-sized runs (minutes in all)")
    boolean quick;

    @Option(names = "--protocol", paramLabel = "P", description = "the mnist experiment's protocol: fast (default; fig2) or paper "
            + "(η 1e-3 online as written, n = 20, hours on 2 cores, resumable: run it again to go on)", defaultValue = "fast")
    String protocol;

    /** The run options of {@code reproduce}, every count checked (the message names the flag). */
    RunOptions toRunOptions(CommandLine cl, CommonOptions common) {
        int trials = common.trials(cl);
        int threads = common.threads(cl);
        int epochs = common.epochs(cl);
        int paper = CommonOptions.positiveOrZero(cl, "--paper-epochs", paperEpochs);
        return new RunOptions(common.out, common.dataDir(), trials, threads, seed, quick, common.quiet(), epochs, paper);
    }
}
