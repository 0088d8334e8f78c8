/**
 * The {@code fa4j} command line (picocli): {@code fetch-data}, {@code reproduce}, {@code train}, {@code check} and
 * {@code index}, with a progress bar on stderr. Run it with {@code java -m org.fa4j.cli/org.fa4j.cli.Main} (what
 * {@code ./fa4j} does).
 *
 * <p>Exports {@code org.fa4j.cli} (the entry point {@code Main}); nothing depends on this module. Reads the environment
 * variables FA4J_HOME, FA4J_DATA and FA4J_DEBUG and the system property {@code fa4j.home} (the repository root holding
 * {@code bin/fetch-data}, ahead of FA4J_HOME); sets {@code fa4j.command} and {@code java.awt.headless}.
 */
module org.fa4j.cli {
    requires org.fa4j.experiments;
    requires org.fa4j.analysis;
    requires org.fa4j.core;
    requires org.fa4j.datasets;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires me.tongfei.progressbar;

    exports org.fa4j.cli;
    // picocli injects options reflectively.
    opens org.fa4j.cli to info.picocli;

    provides org.fa4j.experiments.ProgressDisplay with org.fa4j.cli.progress.ProgressBarDisplay;
}
