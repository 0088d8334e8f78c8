#!/usr/bin/env bash
# Quick same-run ratio of our 1-thread GEMM to OpenBLAS (NumPy) on the four peer shapes: ours, peer, ours, peer
# (ROUNDS times), each ours = best of REPS calls after REPS warm-up calls (1024^3: REPS/10). Prints each run and the
# ratio peer_time / our_time per shape from the best of each side. For paired before-and-after comparisons on a noisy machine; the JMH numbers
# come from compare-peers.sh.  Usage: fa-bench/quick-compare.sh [CLASSES_DIR]  (default: fa-simd/target/classes,
# built first).  Env: ROUNDS (2), REPS (300), PEERS (../shared/peers next to the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
peers=${PEERS:-../shared/peers}
[ -f "$peers/openblas_gemm.py" ] || peers=fa-bench/peers
[ -f "$peers/openblas_gemm.py" ] || { echo "quick-compare: no openblas_gemm.py in $peers (set PEERS)" >&2; exit 2; }
classes=${1:-}
if [ -z "$classes" ]; then ./mvnw -q -pl fa-simd -am compile; classes=fa-simd/target/classes; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JDK/bin/javac" -nowarn -d "$out" --add-modules jdk.incubator.vector -cp "$classes" fa-bench/quick/QuickGemm.java 2>&1 | grep -v -i incubat || true
log="$out/log"
for ((i = 0; i < ${ROUNDS:-2}; i++)); do
  "$JDK/bin/java" --add-modules jdk.incubator.vector -cp "$classes:$out" QuickGemm "${REPS:-300}" 2>/dev/null | sed 's/^/ours /' | tee -a "$log"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$peers/openblas_gemm.py" --threads 1 --repeats 100 | sed 's/^/peer /' | tee -a "$log"
done
python3 - "$log" <<'PY'
import re, sys
best = {}
for line in open(sys.argv[1]):
    who, rest = line.split(" ", 1)
    name = rest.split()[0]
    ms = float(re.search(r"([\d.]+) ms", rest).group(1))
    key = (who, {"square": "square"}.get(name, name))
    best[key] = min(best.get(key, 1e9), ms)
print("\nratio (OpenBLAS time / ours, best of each side; > 1 means we are faster):")
for s in ("forward", "backward", "grad", "square"):
    if ("ours", s) in best and ("peer", s) in best:
        print(f"  {s:9s} ours {best['ours', s]:8.3f} ms  peer {best['peer', s]:8.3f} ms  ratio {best['peer', s] / best['ours', s]:.2f}")
PY
