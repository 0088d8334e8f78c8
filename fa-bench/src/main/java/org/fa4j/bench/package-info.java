/**
 * The benchmarks: {@link org.fa4j.bench.GemmBench} (GFLOP/s = 2·m·n·k / time), {@link org.fa4j.bench.Blas2Bench}
 * (GB/s = bytes of A moved / time, with a copy of the same size as the yardstick) and
 * {@link org.fa4j.bench.ElementwiseBench}.
 */
package org.fa4j.bench;
