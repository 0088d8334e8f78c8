/**
 * Numerical checks of the paper's theorems and the reproduction of its experiments.
 *
 * <p>Exports only {@code org.fa4j.analysis}: the theorem-check API ({@code TheoremSuite}, one {@code *Check} class per
 * statement, {@code Fig3Dynamics}) with JSON-serialisable reports. The paper's experiments
 * ({@code org.fa4j.analysis.experiments}) and the {@code fa4j} command line ({@code org.fa4j.analysis.cli}, run with
 * {@code java -m org.fa4j.analysis/org.fa4j.analysis.cli.Main}, which needs no export) are internal. The theorem
 * suite reads no system properties; the command line reads the environment variables FA4J_HOME and FA4J_DATA and the
 * system property {@code fa4j.home} (the repository root holding {@code bin/fetch-data}, ahead of FA4J_HOME).
 */
module org.fa4j.analysis {
    requires org.fa4j.core;
    requires org.fa4j.datasets;
    requires ejml.core;
    requires ejml.ddense;
    requires hipparchus.core;
    requires hipparchus.ode;
    requires com.fasterxml.jackson.databind;

    requires hipparchus.stat;
    requires info.picocli;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;

    exports org.fa4j.analysis;
    // Jackson reads the report records reflectively.
    opens org.fa4j.analysis to com.fasterxml.jackson.databind;
    // picocli injects options reflectively; Jackson reads the result maps and the train config record.
    opens org.fa4j.analysis.cli to info.picocli;
    opens org.fa4j.analysis.experiments to com.fasterxml.jackson.databind;
}
