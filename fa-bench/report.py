#!/usr/bin/env python3
"""Turns a JMH JSON result of fa-bench into a table: time per call, GFLOP/s (GEMM), GB/s (gemv/ger/copy, with the
fraction of the copy bandwidth), bytes allocated per call (when run with -prof gc) with the
allocation rate: a rate that is the same for every benchmark (copy included) is JMH's own background, not the kernel. With --peer FILE (the output of
../shared/peers/openblas_gemm.py, one file per thread count) it adds OpenBLAS's GFLOP/s and our ratio to it. With
--peer-stats FILE (the output of fa-bench/peer_gemm_stats.py, one or more runs per thread count) it adds the
like-for-like ratios: OpenBLAS's mean time over our JMH mean, and its best call over our best call (the best of each
over the runs in the file). Ratios above 1 mean we are faster.
Usage: report.py RESULT.json [--peer PEER_T1.txt --peer PEER_T2.txt] [--peer-stats STATS_T1.txt ...]"""
import json, re, sys

SHAPES = {"forward": (100, 1000, 784), "backward": (100, 784, 1000), "grad": (784, 1000, 100), "square": (1024, 1024, 1024)}
A_BYTES = 1000 * 784 * 4  # the 1000x784 weight matrix
MOVED = {"gemvN": A_BYTES, "gemvT": A_BYTES, "ger": 2 * A_BYTES, "copy": 2 * A_BYTES}


def seconds(score, unit):
    scale = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    return score * scale


def main(argv):
    path = argv[0]
    peers = [argv[i + 1] for i, a in enumerate(argv) if a == "--peer"]
    peer = {}  # (shape, threads) -> GFLOP/s
    for p in peers:
        for line in open(p):
            m = re.match(r"\s*(\w+)\s.*?([\d.]+) GFLOP/s\s+threads=(\d+)", line)
            if m:
                peer[(m.group(1), int(m.group(3)))] = float(m.group(2))
    stats = {}  # (shape, threads) -> (best GFLOP/s, mean GFLOP/s), the better of each over the runs
    for p in [argv[i + 1] for i, a in enumerate(argv) if a == "--peer-stats"]:
        for line in open(p):
            m = re.match(r"\s*(\w+)\s.*best\s+[\d.]+ ms\s+([\d.]+) GFLOP/s\s+mean\s+[\d.]+ ms\s+([\d.]+) GFLOP/s\s+threads=(\d+)", line)
            if m:
                key = (m.group(1), int(m.group(4)))
                old = stats.get(key, (0.0, 0.0))
                stats[key] = (max(old[0], float(m.group(2))), max(old[1], float(m.group(3))))
    runs = json.load(open(path))
    rows, copy_gbs = [], None
    for r in runs:
        name = r["benchmark"].rsplit(".", 2)
        bench, method = name[-2], name[-1]
        prm = r.get("params", {})
        pm = r["primaryMetric"]
        unit = pm["scoreUnit"]
        t = seconds(pm["score"], unit)
        best = None
        pct = pm.get("scorePercentiles") or {}
        if r.get("mode") == "sample" and "0.0" in pct:
            best = seconds(pct["0.0"], unit)
        sm = r.get("secondaryMetrics") or {}
        norm = [v for k, v in sm.items() if k.endswith("gc.alloc.rate.norm")]
        rate = [v for k, v in sm.items() if k.endswith("gc.alloc.rate")]
        alloc = (norm[0]["score"], rate[0]["score"]) if norm and rate else None
        rows.append((bench, method, prm, t, best, alloc))
        if method == "copy":
            copy_gbs = MOVED["copy"] / t / 1e9
    print("| benchmark | params | time/call | rate | best-call rate | vs peer / copy | OpenBLAS mean/ours, best/ours | B/op (alloc MB/s) |")
    print("|---|---|---|---|---|---|---|---|")
    for bench, method, prm, t, best, alloc in rows:
        ps = ",".join(f"{k}={v}" for k, v in sorted(prm.items()))
        rate = brate = cmp = like = ""
        if bench == "GemmBench":
            m, n, k = SHAPES[prm["shape"]]
            g = 2 * m * n * k / t / 1e9
            rate = f"{g:.1f} GFLOP/s"
            gb = None
            if best:
                gb = 2 * m * n * k / best / 1e9
                brate = f"{gb:.1f} GFLOP/s"
            o = peer.get((prm["shape"], int(prm["threads"])))
            if o:
                cmp = f"OpenBLAS {o:.1f}: ×{g / o:.2f}" + (f" (best ×{gb / o:.2f})" if gb else "")
            st = stats.get((prm["shape"], int(prm["threads"])))
            if st:
                like = f"×{g / st[1]:.2f} mean" + (f", ×{gb / st[0]:.2f} best" if gb else "")
        elif method in MOVED:
            gbs = MOVED[method] / t / 1e9
            rate = f"{gbs:.1f} GB/s"
            if copy_gbs and method != "copy":
                cmp = f"{gbs / copy_gbs:.0%} of copy"
        a = "" if alloc is None else f"{alloc[0]:.1f} ({alloc[1]:.3f})"
        print(f"| {bench}.{method} | {ps} | {t * 1e6:.1f} µs | {rate} | {brate} | {cmp} | {like} | {a} |")


if __name__ == "__main__":
    main(sys.argv[1:])
