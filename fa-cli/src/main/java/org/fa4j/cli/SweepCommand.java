package org.fa4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fa4j.experiments.sweep.EngineOptions;
import org.fa4j.experiments.sweep.Sweep;
import org.fa4j.experiments.sweep.SweepEngine;
import org.fa4j.experiments.sweep.SweepReport;
import org.fa4j.experiments.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code fa4j sweep FILE [--engine local|spark] [--master URL] [--out DIR]}: runs every trial of a sweep file and writes
 * one result file per trial to {@code <out>} (default {@code results/sweeps/<name>}), skipping the trials whose result
 * is already there. The {@code spark} engine is a service of the module fa-spark, found at run time; {@code ./fa4j}
 * starts a class-path JVM with fa-spark and Spark for {@code --engine spark}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a sweep (configs/sweeps/*.json: a base config, grid axes, seeds, metrics): every trial a job, one result file each.",
                "A rerun skips the trials whose result file is valid. --engine spark runs one Spark task per trial (--master local[N], "
                        + "spark://HOST:PORT, yarn, k8s://...); docs/scale-out.md has the details."})
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "the sweep file")
    Path file;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local", description = "local (in this process, the default) or spark")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "the Spark master (default local[*]): local[N], spark://HOST:PORT, yarn, k8s://HOST:PORT")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "where the result files go (default: results/sweeps/<name>)")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: $FA4J_DATA, else data/); on a cluster every worker reads it at this path")
    Path dataDir;

    @Option(names = "--threads", paramLabel = "N", description = "trials in parallel for the local engine (default: the number of cores)")
    Integer threads;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a setting for the engine, e.g. --conf spark.executor.memory=2g (repeatable)")
    List<String> conf = List.of();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        SweepSpec s;
        try {
            s = SweepSpec.read(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        int n = CommonOptions.threadsOrCores(cl, threads);
        if (master != null && engine.equals("local")) {
            throw new CommandLine.ParameterException(cl, "--master " + master + " needs --engine spark (the local engine runs in this process)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--conf " + kv + ": expected KEY=VALUE");
            }
            settings.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        SweepEngine e = Sweep.engine(engine).orElseThrow(() -> new CommandLine.ParameterException(cl, engine.equals("spark")
                ? "--engine spark: the spark engine is not on the path. It is in the module fa-spark, which ./fa4j puts on the "
                        + "class path for --engine spark (building it with ./mvnw -pl fa-spark -am package); a JVM started otherwise "
                        + "needs fa-spark's jar and fa-spark/target/lib/* on its class path"
                : "--engine " + engine + ": unknown engine; expected local or spark"));
        Path data = DataDir.resolve(dataDir).toAbsolutePath().normalize();
        if (master == null || master.startsWith("local")) {
            FetchDataCommand.ensure(data, s.trials().stream().map(t -> t.config().dataset()).distinct().toList());
        }
        Path dir = out != null ? out : Path.of("results", "sweeps", s.name());
        SweepReport r = Sweep.run(s, e, new EngineOptions(data, n, master, settings), dir.toAbsolutePath().normalize(), System.err::println);
        System.out.println("fa4j: sweep " + s.name() + ": " + r.trials() + " trials, " + r.skipped() + " skipped (already done), "
                + r.ran() + " run" + (r.diverged() > 0 ? " (" + r.diverged() + " diverged)" : "") + " in "
                + String.format("%.1f", r.seconds()) + " s -> " + dir);
        return 0;
    }
}
