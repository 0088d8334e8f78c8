#!/usr/bin/env bash
# Our GEMM GFLOP/s next to OpenBLAS's (NumPy, ../shared/peers/openblas_gemm.py) on the same four shapes, at 1 and
# 2 threads, from one run: peer, our JMH benchmarks, peer again (the better peer number of the two is used).
# The peer prints its best call only; fa-bench/peer_gemm_stats.py times the same calls one by one, so the table sets
# our JMH mean against OpenBLAS's mean and our best call against its best (same two runs, the better of each).
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset for the peer so OpenBLAS picks its native kernel.
# Also runs gemv/ger/copy on 1000x784 (GB/s and fraction of copy bandwidth).
# RUNS=N repeats the whole comparison N times in a row and then prints the median of each ratio
# (fa-bench/median-ratios.py): one run moves by up to 0.07 in a one-thread cell on this shared machine.
# Usage: [RUNS=N] fa-bench/compare-peers.sh [PEERS_DIR]   (default: ../shared/peers next to the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
peers=${1:-../shared/peers}
[ -f "$peers/openblas_gemm.py" ] || peers=fa-bench/peers
[ -f "$peers/openblas_gemm.py" ] || { echo "compare-peers: no openblas_gemm.py in $peers (pass the peers dir)" >&2; exit 2; }
runs=${RUNS:-1}
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "compare-peers: RUNS must be a whole number >= 1, got '$runs'" >&2; exit 2; }
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
./mvnw -q -pl fa-bench -am package -DskipTests
t=fa-bench/target
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$peers/openblas_gemm.py" --threads "$1"; }
stats() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 fa-bench/peer_gemm_stats.py --threads "$1"; }
best_of() { # merge two peer outputs, keeping each line's higher GFLOP/s
  python3 - "$1" "$2" <<'PY'
import re, sys
a, b = (open(f).read().splitlines() for f in sys.argv[1:3])
g = lambda l: float(re.search(r"([\d.]+) GFLOP/s", l).group(1)) if "GFLOP/s" in l else -1
for x, y in zip(a, b):
    print(x if g(x) >= g(y) else y)
PY
}
run_once() {
  for n in 1 2; do peer "$n" > "$t/peer-before-t$n.txt"; stats "$n" > "$t/stats-before-t$n.txt"; done
  "$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -jar $t/benchmarks.jar 'GemmBench|Blas2Bench' -bm sample -prof gc -rf json -rff "$t/compare.json"
  for n in 1 2; do
    peer "$n" > "$t/peer-after-t$n.txt"; best_of "$t/peer-before-t$n.txt" "$t/peer-after-t$n.txt" > "$t/peer-t$n.txt"
    stats "$n" > "$t/stats-after-t$n.txt"; cat "$t/stats-before-t$n.txt" "$t/stats-after-t$n.txt" > "$t/stats-t$n.txt"
  done
  echo; echo "OpenBLAS (best of before/after):"; cat "$t/peer-t1.txt" "$t/peer-t2.txt"
  echo; echo "OpenBLAS, each call timed (before, after):"; cat "$t/stats-t1.txt" "$t/stats-t2.txt"; echo
  python3 fa-bench/report.py "$t/compare.json" --peer "$t/peer-t1.txt" --peer "$t/peer-t2.txt" \
    --peer-stats "$t/stats-t1.txt" --peer-stats "$t/stats-t2.txt"
}
if [ "$runs" = 1 ]; then
  run_once
  exit
fi
rm -f "$t"/compare-run-*.txt
for i in $(seq "$runs"); do
  echo "== compare-peers run $i of $runs"
  run_once | tee "$t/compare-run-$i.txt"
done
echo
python3 fa-bench/median-ratios.py $(for i in $(seq "$runs"); do echo "$t/compare-run-$i.txt"; done)
