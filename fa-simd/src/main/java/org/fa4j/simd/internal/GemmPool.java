package org.fa4j.simd.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * The daemon threads that share GEMM work, owned by fa-simd. A call splits C into {@code parts} blocks of whole
 * micro-tile panels (by columns or by rows, see {@link Kernels#gemmSplitByColumns}); the caller and the workers claim
 * blocks until none is left. Which thread computes a block does not change its arithmetic (see {@link Kernels#gemm}), so
 * results are the same for any number of threads.
 *
 * <p>The sparse products of {@link org.fa4j.simd.Linalg} and its element-wise operations on large matrices run on the
 * same threads, split into blocks of C's columns in the same way.
 *
 * <p>When a GEMM is split by columns every thread needs all of op(A); the threads then pack it once into one buffer,
 * each taking pieces until none is left, before computing their blocks ({@link Kernels#gemmSharedASize}), instead of
 * each packing all of it.
 *
 * <p>One GEMM runs on the pool at a time: a caller that finds it busy computes all blocks itself (same result).
 * The job is held in fields rather than in a new object, so a call allocates nothing.
 */
public final class GemmPool {

    /** The one pool of fa-simd. */
    public static final GemmPool SHARED = new GemmPool();

    private static final int SPINS = Tuning.SPINS;
    private static final int MAX_PARTS = Tuning.MAX_PARTS;
    private static final int SHARED_A_MAX = Tuning.SHARED_A_MAX;

    private final ReentrantLock lock = new ReentrantLock();
    private Worker[] workers = new Worker[0];

    // The job: written by the caller under the lock, published by the volatile write of claimed.
    private Kernels kernels;
    private Op opA;
    private Op opB;
    private float alpha;
    private float beta;
    private Matrix a;
    private Matrix b;
    private Matrix c;
    // A sparse product instead of a GEMM when sparse is set (transA: the weight update, see Kernels#sparseUpdate).
    private SparseIndex sparse;
    private boolean transA;
    // An element-wise operation of Kernels#columns on a, b into c instead, when set.
    private ElementwiseOp columnsOp;
    private boolean byColumns;
    private int align;
    private int panels;
    private int parts;
    // A GEMM split by columns with op(A) packed once for all threads (see Kernels#gemmSharedASize) when shareA is set:
    // op(A) is m x sharedK, in sharedPieces pieces grouped into at most MAX_PARTS units, one bit each in packClaimed
    // (taken) and packDone (packed); both all set between jobs. The buffer grows once and is kept.
    private boolean shareA;
    private int sharedK;
    private int sharedPieces;
    private int sharedUnits;
    private float[] sharedA = new float[0];
    private final AtomicLong packClaimed = new AtomicLong(-1L);
    private final AtomicLong packDone = new AtomicLong(-1L);

    /** Bit q is set once block q is claimed; all set between jobs. */
    private final AtomicLong claimed = new AtomicLong(-1L);
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;
    private volatile Thread waiter;

    private GemmPool() {
    }

    /** Runs the GEMM over {@code parts} blocks with up to {@code threads} threads (the caller is one of them). */
    public void gemm(Kernels kernels, Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c,
              boolean byColumns, int align, int parts, int threads) {
        int dim = byColumns ? c.cols() : c.rows();
        int panels = (dim + align - 1) / align;
        if (!lock.tryLock()) {
            for (int q = 0; q < parts; q++) {
                runPart(kernels, opA, opB, alpha, a, b, beta, c, byColumns, align, panels, parts, q, null);
            }
            return;
        }
        try {
            this.kernels = kernels;
            this.opA = opA;
            this.opB = opB;
            this.sparse = null;
            this.columnsOp = null;
            this.byColumns = byColumns;
            int k = opA == Op.N ? a.cols() : a.rows();
            long size = byColumns && parts > 1 && threads > 1 ? kernels.gemmSharedASize(c.rows(), k) : 0;
            shareA = size > 0 && size <= SHARED_A_MAX;
            if (shareA) {
                if (sharedA.length < size) {
                    sharedA = new float[(int) size];
                }
                sharedK = k;
                sharedPieces = kernels.gemmSharedAPieces(c.rows(), k);
                sharedUnits = Math.min(sharedPieces, MAX_PARTS);
                long none = sharedUnits == MAX_PARTS ? 0L : -1L << sharedUnits;
                packDone.set(none);
                packClaimed.set(none);
            }
            run(alpha, a, b, beta, c, align, panels, parts, threads);
        } finally {
            claimed.set(-1L);
            packClaimed.set(-1L);
            packDone.set(-1L);
            shareA = false;
            lock.unlock();
        }
    }

    /**
     * Packs units of the shared op(A) until all are packed: takes free units, and waits for those another thread is
     * packing. Called by every thread of a shared-A job after it has claimed a block and before it computes it; a
     * thread that comes late finds everything packed, one that comes alone packs everything.
     */
    private void packSharedA() {
        int spins = 0;
        while (true) {
            if (packDone.get() == -1L) {
                return;
            }
            long m = packClaimed.get();
            long free = ~m;
            if (free == 0) {
                // Another thread is packing the last units: a short wait, unless it has lost its core.
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
                continue;
            }
            int u = Long.numberOfTrailingZeros(free);
            if (!packClaimed.compareAndSet(m, m | (1L << u))) {
                continue;
            }
            try {
                kernels.gemmPackSharedA(opA, a, c.rows(), sharedK, (int) ((long) sharedPieces * u / sharedUnits),
                        (int) ((long) sharedPieces * (u + 1) / sharedUnits), sharedA);
            } catch (Throwable t) {
                failure = t;
            }
            long d;
            do {
                d = packDone.get();
            } while (!packDone.compareAndSet(d, d | (1L << u)));
        }
    }

    /**
     * Runs a sparse product ({@code transA}: the weight update) over {@code parts} blocks of C's columns
     * with up to {@code threads} threads. Each column of C belongs to one block, and a column's arithmetic does not
     * depend on its block (see {@link Kernels#sparseProduct}), so the result is the same for any split.
     */
    public void sparse(Kernels kernels, boolean transA, float alpha, SparseIndex sp, Matrix b, float beta, Matrix c, int align,
                       int parts, int threads) {
        if (!lock.tryLock()) {
            runSparse(kernels, transA, alpha, sp, b, beta, c, 0, c.cols());
            return;
        }
        try {
            this.kernels = kernels;
            this.sparse = sp;
            this.columnsOp = null;
            this.transA = transA;
            this.byColumns = true;
            run(alpha, null, b, beta, c, align, (c.cols() + align - 1) / align, parts, threads);
        } finally {
            claimed.set(-1L);
            lock.unlock();
        }
    }

    /**
     * Runs {@link Kernels#columns} with operation {@code op} over {@code parts} blocks of the columns of {@code out}
     * (multiples of {@code align}, as the sparse products split them, so a thread finds its own columns of a layer's
     * output in its cache), with up to {@code threads} threads.
     */
    public void columns(Kernels kernels, ElementwiseOp op, Matrix a, Matrix b, Matrix out, int align, int parts, int threads) {
        if (!lock.tryLock()) {
            kernels.columns(op, a, b, out, 0, out.cols());
            return;
        }
        try {
            this.kernels = kernels;
            this.sparse = null;
            this.columnsOp = op;
            this.byColumns = true;
            run(0f, a, b, 0f, out, align, (out.cols() + align - 1) / align, parts, threads);
        } finally {
            columnsOp = null;
            claimed.set(-1L);
            lock.unlock();
        }
    }

    /** Publishes the rest of the job, runs it with the workers and waits; the caller holds the lock. */
    private void run(float alpha, Matrix a, Matrix b, float beta, Matrix c, int align, int panels, int parts, int threads) {
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.align = align;
        this.panels = panels;
        this.parts = parts;
        failure = null;
        waiter = Thread.currentThread();
        done.set(0);
        claimed.set(parts == MAX_PARTS ? 0L : -1L << parts);
        int helpers = Math.min(threads, parts) - 1;
        ensureWorkers(helpers);
        for (int w = 0; w < helpers; w++) {
            workers[w].wake();
        }
        work(0);
        int spins = 0;
        while (done.get() < parts) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 100_000L);
            }
        }
        Throwable t = failure;
        this.a = null;
        this.b = null;
        this.c = null;
        this.sparse = null;
        if (t != null) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    /**
     * Claims and runs blocks of the current job until none is left, its own block {@code self} first (the caller is 0,
     * worker w is w + 1). So the same thread computes the same columns call after call while all threads keep up, and
     * its share of a large operand stays in its core's L2 (the two passes over W_0 of a training step); a late thread's
     * block is taken by whoever is free.
     */
    private void work(int self) {
        while (true) {
            long m = claimed.get();
            long free = ~m;
            if (free == 0) {
                return;
            }
            int q = self < MAX_PARTS && (free & (1L << self)) != 0 ? self : Long.numberOfTrailingZeros(free);
            if (!claimed.compareAndSet(m, m | (1L << q))) {
                continue;
            }
            try {
                if (sparse != null) {
                    runSparse(kernels, transA, alpha, sparse, b, beta, c, from(c.cols(), panels, parts, q, align),
                            from(c.cols(), panels, parts, q + 1, align));
                } else if (columnsOp != null) {
                    kernels.columns(columnsOp, a, b, c, from(c.cols(), panels, parts, q, align),
                            from(c.cols(), panels, parts, q + 1, align));
                } else {
                    if (shareA) {
                        packSharedA();
                    }
                    runPart(kernels, opA, opB, alpha, a, b, beta, c, byColumns, align, panels, parts, q,
                            shareA ? sharedA : null);
                }
            } catch (Throwable t) {
                failure = t;
            }
            if (done.incrementAndGet() == parts) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /** One of the two sparse products on the columns {@code [j0, j1)} of C. */
    public static void runSparse(Kernels kernels, boolean transA, float alpha, SparseIndex a, Matrix b, float beta, Matrix c,
                                 int j0, int j1) {
        if (transA) {
            kernels.sparseUpdate(a, alpha, b, beta, c, j0, j1);
        } else {
            kernels.sparseProduct(a, alpha, b, beta, c, j0, j1);
        }
    }

    /** Block q of C; {@code sharedA}: op(A) packed for all threads (a split by columns), or null. */
    private static void runPart(Kernels kernels, Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c,
                                boolean byColumns, int align, int panels, int parts, int q, float[] sharedA) {
        int dim = byColumns ? c.cols() : c.rows();
        int from = from(dim, panels, parts, q, align);
        int to = from(dim, panels, parts, q + 1, align);
        if (sharedA != null) {
            kernels.gemm(opA, opB, alpha, a, b, beta, c, from, to, sharedA);
        } else if (byColumns) {
            kernels.gemm(opA, opB, alpha, a, b, beta, c, 0, c.rows(), from, to);
        } else {
            kernels.gemm(opA, opB, alpha, a, b, beta, c, from, to, 0, c.cols());
        }
    }

    /** Where block {@code q} of {@code parts} starts along a dimension of {@code dim} in {@code panels} panels of {@code align}. */
    private static int from(int dim, int panels, int parts, int q, int align) {
        return Math.min(dim, (int) ((long) panels * q / parts) * align);
    }

    private void ensureWorkers(int count) {
        if (workers.length >= count) {
            return;
        }
        Worker[] grown = java.util.Arrays.copyOf(workers, count);
        for (int w = workers.length; w < count; w++) {
            grown[w] = new Worker(w);
        }
        workers = grown;
    }

    private final class Worker implements Runnable {
        private final Thread thread;
        private final int index;
        private volatile long generation;

        Worker(int index) {
            this.index = index;
            thread = Thread.ofPlatform().daemon().name("fa4j-simd-" + index).unstarted(this);
            thread.start();
        }

        void wake() {
            generation++;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                int spins = 0;
                while (generation == seen) {
                    if (spins++ < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = generation;
                work(index + 1);
            }
        }
    }
}
