/**
 * Numerical checks of the paper's theorems and the reproduction of its experiments.
 *
 * <p>Exports {@code org.fa4j.analysis}: the theorem-check API ({@code TheoremSuite}, one {@code *Check} class per
 * statement, {@code Fig3Dynamics}) with JSON-serialisable reports; {@code org.fa4j.analysis.experiments}: the paper's
 * experiments (figures, JSON results); {@code org.fa4j.analysis.cli}: the {@code fa4j} command line. Reads no system
 * properties; the command line reads the environment variables FA4J_HOME and FA4J_DATA.
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
    exports org.fa4j.analysis.cli;
    exports org.fa4j.analysis.experiments;
    // Jackson reads the report records reflectively.
    opens org.fa4j.analysis to com.fasterxml.jackson.databind;
    // picocli injects options reflectively; Jackson reads the result maps and the train config record.
    opens org.fa4j.analysis.cli to info.picocli;
    opens org.fa4j.analysis.experiments to com.fasterxml.jackson.databind;
}
