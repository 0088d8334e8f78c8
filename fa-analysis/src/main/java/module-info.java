/** Numerical checks of the paper's theorems and the reproduction of its experiments. */
module org.fa4j.analysis {
    requires org.fa4j.core;
    requires org.fa4j.datasets;

}
