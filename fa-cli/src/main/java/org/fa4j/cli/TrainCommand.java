package org.fa4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.experiments.ExperimentResult;
import org.fa4j.experiments.ResultsIndex;
import org.fa4j.experiments.TrainRun;
import org.fa4j.experiments.TrainRunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code fa4j train --config FILE.json}: trains any configured network with any rule on MNIST or Fashion-MNIST and
 * writes {@code <out>/train-<directory>-<stem>.json} (see {@link TrainRun#name}). {@code --epochs}, {@code --trials}
 * and {@code --seed} override the file's values; exit code 1 if training diverged.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the network described by a JSON config (layers, rule, data set, schedule); --print-example shows one.",
                "Writes <out>/train-<dir>-<stem>.json (configs/mnist-20-epochs/fa.json gives train-mnist-20-epochs-fa.json); "
                        + "while it runs, the curve so far is in train-<dir>-<stem>.partial.json."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", description = "the training config")
    Path config;

    @Option(names = "--print-example", description = "print an example config and exit")
    boolean printExample;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the config's seed)")
    Long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (printExample) {
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(TrainRunConfig.example()));
            return 0;
        }
        CommandLine cl = spec.commandLine();
        if (config == null) {
            throw new CommandLine.ParameterException(cl, "missing option --config FILE.json (or --print-example)");
        }
        TrainRunConfig c;
        try {
            c = TrainRunConfig.read(config);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        int epochs = common.epochs(cl);
        int trials = common.trials(cl);
        int threads = common.threads(cl);
        // The flags given override the file; the result records the config as run.
        c = epochs > 0 ? c.withEpochs(epochs) : c;
        c = trials > 0 ? c.withTrials(trials) : c;
        c = seed != null ? c.withSeed(seed) : c;
        ResultsFolder.prepare(common.out); // before any data is fetched or read and before any training
        TrainRun.check(c, common.out); // the network against a Java array and the heap
        Path data = common.dataDir();
        FetchDataCommand.ensure(data, List.of(c.dataset()));
        String name = TrainRun.name(config);
        String command = System.getProperty("fa4j.command", "./fa4j train --config " + config);
        ExperimentResult r;
        try (InterruptNotice notice = InterruptNotice.install(common.out, saved -> "to resume, run the same command again ("
                + command + "): training starts from epoch 1 and, with the same seeds, ends with the same results.")) {
            r = TrainRun.run(c, name, common.out, data, threads, common.quiet());
        } catch (TrainingDivergedException e) {
            System.err.println("fa4j: " + e.getMessage() + "; wrote " + TrainRun.resultFile(common.out, name) + " (status diverged)");
            return 1;
        }
        System.out.println("fa4j: trained in " + String.format("%.1f", r.wallSeconds()) + " s -> " + TrainRun.resultFile(common.out, name));
        ResultsIndex.summarise(r, System.out);
        return 0;
    }
}
