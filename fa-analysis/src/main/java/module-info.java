/**
 * The theorem-verification library: numerical checks of the statements of Lillicrap et al. (arXiv:1411.0247,
 * Supplement Proofs #1–#3, Fig. 3/4) on an independent float64 reference network, and the same claims checked on a
 * network the user trained with fa-core ({@code ModelChecks}, {@code AlignmentMonitor}, {@code ConservationMonitor}),
 * with reports as values that serialise to JSON and fail a test with {@code CheckReport.assertPassed()}.
 *
 * <p>Exports {@code org.fa4j.analysis}: {@code TheoremSuite}, one {@code *Check} class per statement, the model checks
 * and monitors, {@code Fig3Dynamics}, and the report records. It requires fa-core transitively, since its API takes
 * fa-core's models. Reads no system properties and no environment variables; draws
 * nothing on a terminal and renders no pictures (the experiments and figures are in {@code org.fa4j.experiments}).
 */
module org.fa4j.analysis {
    requires transitive org.fa4j.core;
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
