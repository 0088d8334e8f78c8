/** JMH benchmarks of the kernels and of training, and the comparison with the peers. */
module org.fa4j.bench {
    requires org.fa4j.simd;
    requires org.fa4j.core;
}
