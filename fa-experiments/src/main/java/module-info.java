/**
 * The paper's experiments (Figs. 1d/e, 2a/b/d, 3, 4, S1, plus Fashion-MNIST and the rule family) and the
 * {@code fa4j train} runs: each writes a versioned JSON result, its figures (PNG and SVG, with XChart) and a section of
 * {@code index.md} and {@code index.html}.
 *
 * <p>Exports {@code org.fa4j.experiments}; start at {@code Experiments} (the registry, {@code runAll}) and
 * {@code TrainRun}; {@code org.fa4j.experiments.sweep} runs sweeps (a grid of configs times seeds, every trial a job)
 * on a {@code SweepEngine}: the built-in local one, or a service such as fa-spark's. Uses a {@code ProgressDisplay} service when one is on the module path (fa-cli provides a progress
 * bar). Reads the system property {@code fa4j.command} (the command line recorded in every result).
 */
module org.fa4j.experiments {
    requires org.fa4j.analysis;
    requires transitive org.fa4j.core;
    requires transitive org.fa4j.datasets;
    requires com.fasterxml.jackson.databind;
    requires hipparchus.stat;
    requires org.knowm.xchart;
    requires java.desktop;

    exports org.fa4j.experiments;
    exports org.fa4j.experiments.sweep;
    // Jackson reads the result maps and the train config record.
    opens org.fa4j.experiments to com.fasterxml.jackson.databind;

    uses org.fa4j.experiments.ProgressDisplay;
    uses org.fa4j.experiments.sweep.SweepEngine;
}
