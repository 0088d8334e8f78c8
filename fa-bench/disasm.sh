#!/usr/bin/env bash
# Prints the machine code C2 makes of one fa-simd method while a GEMM benchmark runs, and picks out its hottest loop
# (the loop with the most FMAs, or else vector instructions) with a count of what is in it: how to check that the
# micro-kernel is 24 FMAs, 3 vector loads and 8 broadcasts per step with no range check or spill inside the loop.
# Builds fa-bench/hsdis/hsdis-capstone.c (HotSpot's disassembler plugin, on Capstone) into fa-bench/target/hsdis.
# Needs gcc and Debian's libcapstone-dev (apt-get install libcapstone-dev); x86-64 only.
# Usage: fa-bench/disasm.sh [METHOD [SHAPE [THREADS]]]
#   METHOD  a HotSpot method pattern (default org.fa4j.simd.internal.vector.MicroKernels::kernelAdd)
#   SHAPE   the GemmBench shape that drives it: forward, backward, grad or square (default square)
#   THREADS 1 or 2 (default 1)
# Writes the whole listing to fa-bench/target/disasm.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
method=${1:-org.fa4j.simd.internal.vector.MicroKernels::kernelAdd}
shape=${2:-square}
threads=${3:-1}
case "$shape" in
  forward|backward|grad|square) ;;
  *) echo "disasm: SHAPE must be forward, backward, grad or square, got '$shape'" >&2; exit 2 ;;
esac
case "$threads" in 1|2) ;; *) echo "disasm: THREADS must be 1 or 2, got '$threads'" >&2; exit 2 ;; esac
[[ "$method" == *::* ]] || {
  echo "disasm: METHOD must look like package.Class::method, got '$method'" >&2; exit 2; }
[ "$(uname -m)" = x86_64 ] || {
  echo "disasm: the plugin is built for x86-64; this machine is $(uname -m)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "disasm: needs gcc (apt-get install gcc)" >&2; exit 2; }
[ -f /usr/include/capstone/capstone.h ] || {
  echo "disasm: needs the Capstone disassembler's headers: apt-get install libcapstone-dev" >&2; exit 2; }
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
./mvnw -q -pl fa-bench -am package -DskipTests
t=fa-bench/target
mkdir -p "$t/hsdis"
gcc -O2 -Wall -Wextra -shared -fPIC -o "$t/hsdis/hsdis-amd64.so.tmp" fa-bench/hsdis/hsdis-capstone.c -lcapstone
mv "$t/hsdis/hsdis-amd64.so.tmp" "$t/hsdis/hsdis-amd64.so"
raw="$t/disasm.txt"
echo "disasm: running GemmBench shape=$shape threads=$threads with $method printed (about 10 s)" >&2
# -jvmArgsAppend replaces the benchmark's own JVM arguments, so they are repeated here.
jvm="--add-modules=jdk.incubator.vector --sun-misc-unsafe-memory-access=allow -Xms1g -Xmx1g"
jvm="$jvm -XX:+UnlockDiagnosticVMOptions -XX:PrintAssemblyOptions=intel -XX:CompileCommand=print,$method"
LD_LIBRARY_PATH="$PWD/$t/hsdis${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$t/benchmarks.jar" GemmBench \
  -p shape="$shape" -p threads="$threads" -f 1 -wi 4 -w 1 -i 1 -r 1 -jvmArgsAppend "$jvm" \
  > "$raw.tmp" 2>&1 || { echo "disasm: the benchmark failed; its output is in $raw.tmp" >&2; exit 1; }
mv "$raw.tmp" "$raw"
python3 fa-bench/hottest-loop.py "$raw" "$method"
