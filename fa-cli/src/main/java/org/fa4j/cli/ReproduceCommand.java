package org.fa4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.fa4j.experiments.Experiment;
import org.fa4j.experiments.ExperimentResult;
import org.fa4j.experiments.Experiments;
import org.fa4j.experiments.ResultsIndex;
import org.fa4j.experiments.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code fa4j reproduce <experiment|all>}: runs the paper's experiments and writes JSON, figures and an index. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a figure of the paper: fig1 fig2 fig2d fig3 fig4 figS1 fashion family, or all; "
                + "mnist --protocol paper runs Fig. 2a's protocol as written.")
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String experiment;

    @Mixin
    CommonOptions common;

    @Mixin
    ReproduceOptions own;

    /** The experiment names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            java.util.List<String> n = new java.util.ArrayList<>(Experiments.names());
            n.add("mnist");
            return n.iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!Experiments.names().contains(experiment) && !experiment.equals("mnist")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown EXPERIMENT '" + experiment
                    + "'; expected one of " + String.join(", ", Experiments.names()) + ", mnist");
        }
        if (!List.of("fast", "paper").contains(own.protocol)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--protocol is '" + own.protocol + "'; expected fast or paper");
        }
        if (own.protocol.equals("paper") && !experiment.equals("mnist")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--protocol paper applies to the mnist experiment only "
                    + "(./fa4j reproduce mnist --protocol paper); " + experiment + " has one protocol");
        }
        RunOptions o = own.toRunOptions(spec.commandLine(), common);
        ResultsFolder.prepare(o.out()); // before any data is fetched or read and before any training
        List<String> needed = new java.util.ArrayList<>();
        if (List.of("all", "fig2", "figS1", "family", "fashion", "mnist").contains(experiment)) {
            needed.add("mnist");
        }
        if (List.of("all", "fashion").contains(experiment)) {
            needed.add("fashion-mnist");
        }
        FetchDataCommand.ensure(o.dataDir(), needed);
        if (experiment.equals("all")) {
            // Each experiment reads its data before it trains; for all of them, a bad file of the last one must not
            // wait for hours of the earlier ones.
            for (String d : needed) {
                FetchDataCommand.requireReadable(o.dataDir(), d);
            }
        }
        try (InterruptNotice notice = InterruptNotice.install(o.out(), this::resumeHint)) {
            return run(o);
        }
    }

    /** How to resume, given the files a run stopped by a signal saved. */
    private String resumeHint(List<String> saved) {
        String command = System.getProperty("fa4j.command", "./fa4j reproduce " + experiment);
        if (experiment.equals("mnist") && own.protocol.equals("paper")) {
            return "to resume, run the same command again (" + command + "): every run goes on from its last finished epoch, "
                    + "kept in the results folder's mnist-paper/.";
        }
        if (!experiment.equals("all")) {
            return "to resume, run the same command again (" + command + "): it runs " + experiment
                    + " from the start and, with the same seed, ends with the same results.";
        }
        List<String> left = Experiments.all().stream().map(Experiment::name)
                .filter(n -> !n.equals("figS1") && !saved.contains(n + ".json")).toList();
        return "to resume, run the experiments not yet saved one by one with the same flags (./fa4j reproduce NAME ...): "
                + String.join(", ", left) + "; or the same command again (" + command + "), which runs them all.";
    }

    private int run(RunOptions o) {
        long t0 = System.nanoTime();
        if (experiment.equals("all")) {
            List<ExperimentResult> rs = Experiments.runAll(o);
            System.out.println("fa4j: wrote " + rs.size() + " results and " + o.out().resolve("index.md") + " in "
                    + String.format("%.1f", (System.nanoTime() - t0) / 1e9) + " s");
        } else {
            Experiment e = experiment.equals("mnist") ? Experiments.mnist(own.protocol) : Experiments.byName(experiment);
            ExperimentResult r = e.run(o);
            System.out.println("fa4j: " + e.name() + " done in " + String.format("%.1f", r.wallSeconds()) + " s -> "
                    + o.out().resolve(e.name() + ".json") + " " + r.figures());
            ResultsIndex.summarise(r, System.out);
            ResultsIndex.write(o.out());
        }
        return 0;
    }
}
