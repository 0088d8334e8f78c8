/**
 * The {@code fa4j} command line (picocli): {@code fetch-data}, {@code reproduce}, {@code train}, {@code sweep},
 * {@code check} and {@code index}; results on stdout, progress, log lines and errors on stderr. Run it with
 * {@code java @fa-cli/jvm.args -m org.fa4j.cli/org.fa4j.cli.Main} (what {@code ./fa4j} does).
 *
 * <p>Exports {@code org.fa4j.cli} (the entry point {@code Main}); nothing depends on this module. Reads the environment
 * variables FA4J_HOME, FA4J_DATA and FA4J_DEBUG and the system properties {@code fa4j.home} (the repository root holding
 * {@code bin/fetch-data}, ahead of FA4J_HOME) and {@code fa4j.stderr.tty} ({@code true} when stderr is a terminal, set
 * by {@code ./fa4j}); sets {@code fa4j.command} and {@code java.awt.headless}. Configures {@code java.util.logging}
 * (where the libraries' {@link System.Logger} output goes) from {@code -q} and {@code -v}.
 */
module org.fa4j.cli {
    requires org.fa4j.experiments;
    requires org.fa4j.analysis;
    requires org.fa4j.core;
    requires org.fa4j.datasets;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.logging;
    requires me.tongfei.progressbar;

    exports org.fa4j.cli;
    // picocli injects options reflectively.
    opens org.fa4j.cli to info.picocli;

    provides org.fa4j.experiments.ProgressDisplay with org.fa4j.cli.progress.ProgressBarDisplay;
}
