/** Numerical checks of the paper's theorems and the reproduction of its experiments. */
module org.fa4j.analysis {
    requires org.fa4j.core;
    requires org.fa4j.datasets;

    requires info.picocli;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires com.fasterxml.jackson.databind;
    requires hipparchus.core;
    requires hipparchus.stat;
    requires java.desktop;

    exports org.fa4j.analysis.cli;
    exports org.fa4j.analysis.experiments;
    opens org.fa4j.analysis.cli to info.picocli;
    opens org.fa4j.analysis.experiments to com.fasterxml.jackson.databind;
}
