package org.fa4j.experiments;

/** One reproducible experiment of the paper: runs its protocol and writes its JSON result and figures. */
public interface Experiment {
    /** The name used on the command line ({@code reproduce <name>}) and for the output files. */
    String name();

    /** What the experiment reproduces, one line (e.g. "Fig. 1d/e: Task 1, linear 30-20-10"). */
    String title();

    /** Runs the experiment, writes {@code <out>/<name>.json} and its figures, and returns the result. */
    ExperimentResult run(RunOptions options);
}
