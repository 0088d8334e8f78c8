/**
 * Numerical checks of the paper's theorems and the reproduction of its experiments.
 *
 * <p>Exports {@code org.fa4j.analysis}: the theorem-check API ({@code TheoremSuite}, one {@code *Check} class per
 * statement, {@code Fig3Dynamics}) with JSON-serialisable reports. Reads no system properties.
 */
module org.fa4j.analysis {
    requires org.fa4j.core;
    requires org.fa4j.datasets;
    requires ejml.core;
    requires ejml.ddense;
    requires hipparchus.core;
    requires hipparchus.ode;
    requires com.fasterxml.jackson.databind;

    exports org.fa4j.analysis;
    // Jackson reads the report records reflectively.
    opens org.fa4j.analysis to com.fasterxml.jackson.databind;
}
