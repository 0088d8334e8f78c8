#!/usr/bin/env bash
# Runs the fa4j JMH suite: GEMM on the training shapes and 1024^3 at 1 and 2 threads, gemv/ger next to a copy of the
# same size, the element-wise kernels; with the GC profiler (bytes allocated per call). Extra arguments go to JMH
# (e.g. a benchmark regex: fa-bench/run-benchmarks.sh GemmBench). Writes fa-bench/target/jmh-result.json and prints
# a table: time per call, GFLOP/s for GEMM, GB/s for gemv/ger/copy, bytes allocated per call. Short on purpose (1 fork,
# few iterations): the machine may be shared. A warm-up too short for the JIT (-wi/-w) is warned about, with the flags
# to use, before and after the run (org.fa4j.bench.BenchmarkMain). fa-bench/README.md has the details.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
./mvnw -q -pl fa-bench -am package -DskipTests
out=fa-bench/target/jmh-result.json
# JMH itself uses sun.misc.Unsafe; allowing it keeps JDK 25's four-line warning out of the output.
"$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -jar fa-bench/target/benchmarks.jar -prof gc -rf json -rff "$out" "$@"
python3 fa-bench/report.py "$out"
