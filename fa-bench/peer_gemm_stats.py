#!/usr/bin/env python3
"""The GEMM calls of the peer openblas_gemm.py (NumPy/OpenBLAS, same shapes, operands and warm-up), each call timed,
so that our JMH mean can be set against OpenBLAS's mean and our best call against its best: the peer itself prints
only its best call, and the mean of a call on this machine is 7-10% above its best for both libraries.
Run it as the peer is run, with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset.
Usage: peer_gemm_stats.py [--threads N] [--batch B] [--repeats R]
Prints one line per shape: name, best and mean time per call, and GFLOP/s (2*m*n*k / time) of each."""
import argparse, os, statistics, time

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--batch", type=int, default=100)
p.add_argument("--repeats", type=int, default=200)
a = p.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(a.threads)
os.environ["OMP_NUM_THREADS"] = str(a.threads)
import numpy as np  # after the thread count is set, as in the peer

b = a.batch
shapes = [  # (name, A shape, B shape, transpose A, transpose B): C = op(A) @ op(B), as in openblas_gemm.py
    ("forward", (b, 784), (784, 1000), False, False),
    ("backward", (b, 1000), (784, 1000), False, True),
    ("grad", (b, 784), (b, 1000), True, False),
    ("square", (1024, 1024), (1024, 1024), False, False),
]
rng = np.random.default_rng(0)
for name, sa, sb, ta, tb in shapes:
    A = rng.random(sa, dtype=np.float32)
    B = rng.random(sb, dtype=np.float32)
    opA = A.T if ta else A
    opB = B.T if tb else B
    m, k = opA.shape
    n = opB.shape[1]
    C = np.empty((m, n), np.float32)
    for _ in range(10):
        np.matmul(opA, opB, out=C)
    times = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        np.matmul(opA, opB, out=C)
        times.append(time.perf_counter() - t0)
    best, mean = min(times), statistics.fmean(times)
    flop = 2 * m * n * k
    print(f"{name:9s} m={m:5d} n={n:5d} k={k:5d}  best {best * 1e3:8.3f} ms {flop / best / 1e9:7.1f} GFLOP/s"
          f"  mean {mean * 1e3:8.3f} ms {flop / mean / 1e9:7.1f} GFLOP/s  threads={a.threads}")
