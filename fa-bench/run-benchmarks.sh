#!/usr/bin/env bash
# Runs the fa4j JMH suite: GEMM on the training shapes and 1024^3 at 1 and 2 threads, gemv/ger next to a copy of the
# same size, the element-wise kernels; with the GC profiler (bytes allocated per call). Extra arguments go to JMH
# (e.g. a benchmark regex: fa-bench/run-benchmarks.sh GemmBench). Writes fa-bench/target/jmh-result.json and prints
# a table. Short on purpose (1 fork, few iterations): the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
./mvnw -q -pl fa-bench -am package -DskipTests
out=fa-bench/target/jmh-result.json
"$JDK/bin/java" -jar fa-bench/target/benchmarks.jar -prof gc -rf json -rff "$out" "$@"
python3 fa-bench/report.py "$out"
