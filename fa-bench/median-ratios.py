#!/usr/bin/env python3
"""The median over several fa-bench/compare-peers.sh runs of each GEMM ratio to OpenBLAS: OpenBLAS time over ours,
mean over mean and best call over best call (like for like), and our mean against the peer's own best-call figure
(strict); > 1 means we are faster. One run is noisy on a shared machine (a cell moves by up to 0.07 on one thread,
0.2 on two), so the README's table is the median of three runs in a row, each run's mean/mean listed beside it.
Usage: median-ratios.py RUN1.txt RUN2.txt ... (compare-peers.sh's output; RUNS=N compare-peers.sh calls this)"""
import re, statistics, sys

SHAPES = ["forward", "backward", "grad", "square"]


def ratios(path):
    """(shape, threads) -> (mean/mean, best/best, strict) from one compare-peers output."""
    out = {}
    for line in open(path):
        if not line.startswith("| GemmBench.gemm"):
            continue
        cells = [c.strip() for c in line.split("|")]
        prm = dict(kv.split("=") for kv in cells[2].split(","))
        strict = re.search(r"×([\d.]+) \(best", cells[6])
        like = re.search(r"×([\d.]+) mean, ×([\d.]+) best", cells[7])
        if strict and like:
            out[(prm["shape"], int(prm["threads"]))] = (float(like.group(1)), float(like.group(2)), float(strict.group(1)))
    return out


def main(paths):
    if not paths:
        sys.exit("median-ratios: give one or more compare-peers.sh outputs")
    try:
        runs = [ratios(p) for p in paths]
    except OSError as e:
        sys.exit(f"median-ratios: cannot read {e.filename}: {e.strerror}")
    for p, r in zip(paths, runs):
        if not r:
            sys.exit(f"median-ratios: no GEMM ratios in {p} (not a compare-peers.sh output, or the peer stats are missing)")
    print(f"Median of {len(runs)} runs (OpenBLAS time / ours; > 1 = we are faster):")
    print("| shape | threads | mean/mean (best/best) | our mean / its best | mean/mean of each run |")
    print("|---|---|---|---|---|")
    for threads in (1, 2):
        for shape in SHAPES:
            cells = [r[(shape, threads)] for r in runs if (shape, threads) in r]
            if not cells:
                continue
            med = [statistics.median(c[i] for c in cells) for i in range(3)]
            each = ", ".join(f"{c[0]:.2f}" for c in cells)
            print(f"| {shape} | {threads} | {med[0]:.2f} ({med[1]:.2f}) | {med[2]:.2f} | {each} |")


if __name__ == "__main__":
    main(sys.argv[1:])
