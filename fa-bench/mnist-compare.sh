#!/usr/bin/env bash
# An FA epoch on MNIST (784-1000-10, logistic, squared error, eta 1e-3, omega 0.05, beta 0.5, alpha 1e-6), ours
# (org.fa4j.bench.MnistEpochs) against every peer of ../shared/peers with the same batch size, in one run,
# alternating: for each batch size, ours (EPOCHS epochs in one JVM; epoch 1 includes the JIT's warm-up), then NumPy
# (numpy_fa_mnist.py, PEER_EPOCHS epochs), then the Java peers that are present (djl-pytorch/run, dl4j/run: DJL on
# libtorch/oneMKL, ND4J on OpenBLAS; their run scripts build them on first use). OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
# are unset for the peers so OpenBLAS picks its native kernel. Prints each run and one table per batch size: each
# peer's seconds per epoch (its best) and test error, and ours / peer from our fastest epoch and from our first.
# Usage: fa-bench/mnist-compare.sh [DATA_DIR]   (default: $FA4J_DATA/mnist or data/mnist)
# Env: BATCHES ("100 1"), EPOCHS (2), PEER_EPOCHS (1), THREADS (all processors), PEERS (../shared/peers),
#      JAVA_PEERS ("djl-pytorch dl4j"; empty for NumPy only), JAVA_PEER_LIMIT (batch 1 only: examples per epoch for the
#      Java peers, default 6000, since an online epoch of theirs takes many minutes; their seconds are scaled to 60 000).
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
    | sed 's/^/numpy /' | tee -a "$log"
  for jp in ${JAVA_PEERS-djl-pytorch dl4j}; do
    if [ ! -x "$peers/$jp/run" ]; then
      echo "mnist-compare: no $peers/$jp/run; its column stays empty" >&2
      continue
    fi
    dir="$peers/$jp"
    if [ ! -w "$dir" ]; then  # a read-only copy: build and run it from fa-bench/target instead
      mkdir -p fa-bench/target/peers
      [ -d "fa-bench/target/peers/$jp" ] || cp -r "$dir" "fa-bench/target/peers/$jp"
      chmod -R u+w "fa-bench/target/peers/$jp"
      dir="fa-bench/target/peers/$jp"
    fi
    limit=()
    [ "$b" = 1 ] && limit=(--limit "${JAVA_PEER_LIMIT:-6000}")
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$dir/run" fa-mnist "$data" --batch "$b" --epochs "${PEER_EPOCHS:-1}" \
        --threads "$threads" "${limit[@]}" 2>/dev/null | sed "s/^/$jp /" | tee -a "$log" \
      || echo "mnist-compare: $jp failed (its column stays empty)" >&2
  done
done
python3 - "$log" <<'PY'
import re, sys
runs = {}   # (who, batch) -> [(epoch, seconds per 60 000 examples, test error)]
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) epoch (\d+) .*batch (\d+) .*seconds ([\d.]+)(?:.*test_error ([\d.]+)%)?(?:.*examples (\d+))?", line)
    if m:
        seconds = float(m.group(4)) * (60000 / int(m.group(6)) if m.group(6) else 1)
        err = float(m.group(5)) if m.group(5) else float("nan")
        runs.setdefault((m.group(1), int(m.group(3))), []).append((int(m.group(2)), seconds, err))
order = ["numpy", "djl-pytorch", "dl4j"]
names = {"numpy": "NumPy + OpenBLAS", "djl-pytorch": "DJL / PyTorch", "dl4j": "DL4J / ND4J"}
for b in sorted({b for (_, b) in runs}):
    ours = runs.get(("ours", b))
    if not ours:
        continue
    best = min(s for _, s, _ in ours)
    first = dict((e, s) for e, s, _ in ours)[1]
    print(f"\nbatch {b}: ours {best:.3f} s per epoch (best of {len(ours)}; first epoch {first:.3f} s, "
          f"{first / best:.1f}x the best), test error {ours[-1][2]:.2f}% after {len(ours)} epochs")
    print(f"  {'peer':18s} {'s/epoch':>9s} {'test error (epochs)':>20s} {'ours/peer (best)':>17s} {'ours/peer (first)':>18s}")
    for who in order + sorted({w for (w, bb) in runs if bb == b and w not in order and w != "ours"}):
        ep = runs.get((who, b))
        if not ep:
            print(f"  {names.get(who, who):18s} {'—':>9s} {'—':>20s} {'—':>17s} {'—':>18s}")
            continue
        peer = min(s for _, s, _ in ep)
        limited = " (scaled from a partial epoch)" if who != "numpy" and b == 1 else ""
        err = f"{ep[-1][2]:.2f}% ({len(ep)})"
        print(f"  {names.get(who, who):18s} {peer:9.3f} {err:>20s} {best / peer:17.4f} {first / peer:18.4f}{limited}")
PY
