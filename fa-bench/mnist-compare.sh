#!/usr/bin/env bash
# An FA epoch on MNIST (784-1000-10, logistic, squared error, eta 1e-3, omega 0.05, beta 0.5, alpha 1e-6), ours
# (org.fa4j.bench.MnistEpochs) against NumPy's (../shared/peers/numpy_fa_mnist.py) with the same batch size, in one
# run, alternating: for each batch size, ours (EPOCHS epochs in one JVM; epoch 1 includes the JIT's warm-up), then the
# peer (PEER_EPOCHS epochs). OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset for the peer so OpenBLAS picks its native
# kernel. Prints each run and, per batch size, ours / NumPy from our fastest epoch and from our first (JIT) epoch.
# Usage: fa-bench/mnist-compare.sh [DATA_DIR]   (default: $FA4J_DATA/mnist or data/mnist)
# Env: BATCHES ("100 1"), EPOCHS (2), PEER_EPOCHS (1), THREADS (all processors), PEERS (../shared/peers).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${FA4J_DATA:-data}/mnist}
[ -f "$data/train-images-idx3-ubyte" ] || { echo "mnist-compare: no train-images-idx3-ubyte in $data (run bin/fetch-data or pass DATA_DIR)" >&2; exit 2; }
peers=${PEERS:-../shared/peers}
[ -f "$peers/numpy_fa_mnist.py" ] || peers=fa-bench/peers
[ -f "$peers/numpy_fa_mnist.py" ] || { echo "mnist-compare: no numpy_fa_mnist.py in $peers (set PEERS)" >&2; exit 2; }
. bin/jdk25.sh
JDK=$(fa4j_find_jdk)
jar=fa-bench/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -q -pl fa-bench -am package -DskipTests
threads=${THREADS:-$(nproc)}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for b in ${BATCHES:-100 1}; do
  "$JDK/bin/java" --add-modules jdk.incubator.vector -cp "$jar" org.fa4j.bench.MnistEpochs "$data" "$b" "${EPOCHS:-2}" "$threads" 2>/dev/null \
    | sed 's/^/ours /' | tee -a "$log"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$peers/numpy_fa_mnist.py" "$data" --batch "$b" --epochs "${PEER_EPOCHS:-1}" \
    | sed 's/^/peer /' | tee -a "$log"
done
python3 - "$log" <<'PY'
import re, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"(ours|peer) epoch (\d+) .*batch (\d+) .*seconds ([\d.]+)", line)
    if m:
        runs.setdefault((m.group(1), int(m.group(3))), []).append((int(m.group(2)), float(m.group(4))))
print("\nours / NumPy (time ratio; < 1 means we are faster):")
for (who, b), ep in sorted(runs.items()):
    if who != "ours" or ("peer", b) not in runs:
        continue
    peer = min(s for _, s in runs["peer", b])
    best = min(s for _, s in ep)
    first = dict(ep)[1]
    print(f"  batch {b:4d}: ours {best:8.3f} s (best epoch; first epoch {first:.3f} s)  NumPy {peer:8.3f} s"
          f"  ratio {best / peer:.4f} (first epoch {first / peer:.4f})")
PY
