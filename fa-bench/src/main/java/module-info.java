/**
 * JMH benchmarks of the fa-simd kernels: GEMM on the training shapes of a 784-1000-10 network and 1024³, GEMV and
 * GER on 1000×784 next to a plain array copy of the same size, the element-wise kernels on 100×1000, and one
 * feedback-alignment training step of the MNIST network (time and bytes allocated per step). {@code MnistEpochs}
 * times whole MNIST epochs; {@code fa-bench/mnist-compare.sh} runs it next to the NumPy peer. {@code ScalingBenchmark}
 * times BP and FA over hidden width and depth against the FLOP count.
 *
 * <p>Nothing depends on this module. Build {@code fa-bench/target/benchmarks.jar} with
 * {@code ./mvnw -pl fa-bench -am package -DskipTests} and run it with {@code fa-bench/run-benchmarks.sh};
 * {@code fa-bench/compare-peers.sh} prints GFLOP/s next to OpenBLAS's. The jar runs on the class path, so every
 * forked JVM gets {@code --add-modules jdk.incubator.vector} (see {@link org.fa4j.bench.MicroBench}). Its main class,
 * {@link org.fa4j.bench.BenchmarkMain}, warns when a run's warm-up is too short for the JIT.
 */
module org.fa4j.bench {
    // The benchmarks' public methods take and return fa-simd matrices and JMH's Blackhole.
    requires transitive org.fa4j.simd;
    requires org.fa4j.core;
    requires org.fa4j.experiments;
    requires transitive jmh.core;
    requires java.management;
    requires org.fa4j.datasets;
    requires org.knowm.xchart;
    requires com.fasterxml.jackson.databind;

    // Only the benchmarks: JMH's generated org.fa4j.bench.jmh_generated stays internal (benchmarks.jar runs on the
    // class path, where module boundaries do not apply).
    exports org.fa4j.bench;
}
