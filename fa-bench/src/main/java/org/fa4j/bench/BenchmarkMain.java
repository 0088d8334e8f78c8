package org.fa4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The main class of {@code fa-bench/target/benchmarks.jar}: JMH's own command line, which first checks the run's
 * warm-up with {@link WarmupCheck} and prints each warning on stderr, before the run and again after it.
 *
 * <pre>{@code java -jar fa-bench/target/benchmarks.jar GemmBench -wi 1 -w 100ms}</pre>
 * prints a warning that names {@code -wi 3 -w 1s}, then runs as asked.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * Checks the warm-up, then runs JMH with the same arguments.
     *
     * @param args JMH's command line ({@code -h} lists it)
     * @throws Exception what JMH's {@code Main} throws
     */
    public static void main(String[] args) throws Exception {
        List<String> warnings = List.of();
        try {
            CommandLineOptions options = new CommandLineOptions(args);
            if (!(options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                    || options.shouldListProfilers() || options.shouldListResultFormats())) {
                boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
                warnings = WarmupCheck.warnings(options, selected(options.getIncludes(), options.getExcludes()), vector);
            }
        } catch (CommandLineOptionException badArguments) {
            // JMH's Main reports it.
        }
        warnings.forEach(System.err::println);
        org.openjdk.jmh.Main.main(args);
        warnings.forEach(System.err::println);
    }

    /** The benchmarks JMH runs for these patterns: a name matches an include (all if none) and no exclude. */
    static List<BenchmarkListEntry> selected(List<String> includes, List<String> excludes) throws IOException {
        List<Pattern> in = (includes.isEmpty() ? List.of(".*") : includes).stream().map(Pattern::compile).toList();
        List<Pattern> out = excludes.stream().map(Pattern::compile).toList();
        try (InputStream list = BenchmarkMain.class.getClassLoader().getResourceAsStream(BenchmarkList.BENCHMARK_LIST.substring(1))) {
            if (list == null) {
                return List.of();
            }
            return BenchmarkList.readBenchmarkList(list).stream()
                    .filter(e -> in.stream().anyMatch(p -> p.matcher(e.getUsername()).find()))
                    .filter(e -> out.stream().noneMatch(p -> p.matcher(e.getUsername()).find()))
                    .toList();
        }
    }
}
