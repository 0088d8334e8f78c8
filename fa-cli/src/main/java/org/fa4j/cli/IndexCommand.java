package org.fa4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fa4j.experiments.Experiment;
import org.fa4j.experiments.Experiments;
import org.fa4j.experiments.ResultsIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code fa4j index}: rewrites {@code <out>/index.md} from the JSON results already in {@code <out>}. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Rewrite <out>/index.md from the JSON results in <out>.")
final class IndexCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Refuses a folder that does not exist or holds no result, so a mistyped {@code --out} does not make an empty index. */
    @Override
    public Integer call() {
        if (!Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": " + (Files.exists(out)
                    ? "Not a directory" : "No such file or directory") + "; expected the results folder of ./fa4j reproduce");
        }
        List<String> names = Experiments.indexed().stream().map(Experiment::name).toList();
        if (names.stream().noneMatch(n -> Files.isRegularFile(out.resolve(n + ".json")))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " holds no results of ./fa4j reproduce "
                    + "(none of " + names.stream().map(n -> n + ".json").collect(Collectors.joining(", ")) + "); nothing to index");
        }
        System.out.println("fa4j: wrote " + ResultsIndex.write(out));
        return 0;
    }
}
