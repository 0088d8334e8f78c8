package org.fa4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fa4j.experiments.ResultsIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fa4j index}: rewrites {@code <out>/index.md} from the JSON results already in {@code <out>}. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Rewrite <out>/index.md from the JSON results in <out>.")
final class IndexCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Override
    public Integer call() {
        System.out.println("fa4j: wrote " + ResultsIndex.write(out));
        return 0;
    }
}
