package org.fa4j.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The registry of the paper's experiments, by command-line name, and {@code reproduce all}. */
public final class Experiments {
    private Experiments() {
    }

    /** Every experiment, in the order {@code reproduce all} runs them (cheap ones first). */
    public static List<Experiment> all() {
        return List.of(new Fig3Experiment(), new Fig1Experiment(), new Fig4Experiment(), new Fig2dExperiment(),
                MnistExperiment.fig2(), MnistExperiment.figS1(), MnistExperiment.fashion(), MnistExperiment.family());
    }

    /**
     * Every experiment whose result an index page shows: {@link #all()} and then the paper's MNIST protocol, which
     * {@code reproduce all} does not run but {@code reproduce mnist --protocol paper} writes into a results folder too.
     */
    public static List<Experiment> indexed() {
        List<Experiment> l = new ArrayList<>(all());
        l.add(new PaperProtocol());
        return l;
    }

    /** The names accepted by {@code reproduce}, plus {@code all}. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(all().stream().map(Experiment::name).toList());
        n.add("all");
        return n;
    }

    /** The experiment called {@code name}. */
    public static Experiment byName(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + name + "'; expected one of "
                        + names().stream().collect(Collectors.joining(", "))));
    }

    /**
     * The MNIST experiment of {@code reproduce mnist --protocol P}: {@code fast}, the default protocol (fig2), or
     * {@code paper}, the paper's protocol as written (long; resumable), which {@code all} does not run.
     */
    public static Experiment mnist(String protocol) {
        return switch (protocol) {
            case "fast" -> MnistExperiment.fig2();
            case "paper" -> new PaperProtocol();
            default -> throw new IllegalArgumentException("unknown protocol '" + protocol + "'; expected fast or paper");
        };
    }

    /** Runs every experiment and writes {@code index.md} and {@code index.html}; returns the results. */
    public static List<ExperimentResult> runAll(RunOptions options) {
        List<ExperimentResult> results = new ArrayList<>();
        for (Experiment e : all()) {
            if (e.name().equals("figS1")) {
                continue; // fig2 writes Fig. S1 from its own runs
            }
            results.add(e.run(options));
            ResultsIndex.write(options.out());
        }
        return results;
    }
}
