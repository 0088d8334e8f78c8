/**
 * JMH benchmarks of the fa-simd kernels: GEMM on the training shapes of a 784-1000-10 network and 1024³, GEMV and
 * GER on 1000×784 next to a plain array copy of the same size, and the element-wise kernels on 100×1000.
 *
 * <p>Nothing depends on this module. Build {@code fa-bench/target/benchmarks.jar} with
 * {@code ./mvnw -pl fa-bench -am package -DskipTests} and run it with {@code fa-bench/run-benchmarks.sh};
 * {@code fa-bench/compare-peers.sh} prints GFLOP/s next to OpenBLAS's. The jar runs on the class path, so every
 * forked JVM gets {@code --add-modules jdk.incubator.vector} (see {@link org.fa4j.bench.GemmBench}).
 */
module org.fa4j.bench {
    requires org.fa4j.simd;
    requires org.fa4j.core;
    requires jmh.core;

    exports org.fa4j.bench;
    exports org.fa4j.bench.jmh_generated;
}
