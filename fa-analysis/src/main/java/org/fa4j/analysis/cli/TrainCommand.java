package org.fa4j.analysis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fa4j.analysis.experiments.Index;
import org.fa4j.analysis.experiments.Result;
import org.fa4j.analysis.experiments.RunOptions;
import org.fa4j.analysis.experiments.TrainConfig;
import org.fa4j.analysis.experiments.TrainRun;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fa4j train --config FILE.json}: trains any configured network with any rule on MNIST or Fashion-MNIST. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the network described by a JSON config (layers, rule, data set, schedule); --print-example shows one.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", description = "the training config")
    Path config;

    @Option(names = "--print-example", description = "print an example config and exit")
    boolean printExample;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (printExample) {
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(TrainConfig.example()));
            return 0;
        }
        if (config == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing option --config FILE.json (or --print-example)");
        }
        TrainConfig c;
        try {
            c = TrainConfig.read(config);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        RunOptions o = common.toRunOptions(spec.commandLine());
        if (!FetchDataCommand.mnistPresent(o.dataDir()) && c.dataset().equals("mnist")) {
            int rc = FetchDataCommand.fetch(o.dataDir());
            if (rc != 0) {
                throw new IllegalStateException("bin/fetch-data failed with exit code " + rc);
            }
        }
        Result r = TrainRun.run(c, o);
        System.out.println("fa4j: trained in " + String.format("%.1f", r.wallSeconds()) + " s -> " + TrainRun.resultFile(c, o));
        Index.summarise(r, System.out);
        return 0;
    }
}
