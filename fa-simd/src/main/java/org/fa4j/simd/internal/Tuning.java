package org.fa4j.simd.internal;

/**
 * Every size threshold and block size of fa-simd, in one place. None changes a result's bits: they decide only which
 * thread computes an element and in which order the blocks are visited (see {@link Kernels#gemm}). The measurements
 * behind each value are in {@code docs/performance.md}.
 */
public final class Tuning {
    private Tuning() {
    }

    // ---------------------------------------------------------------- threads (Linalg, GemmPool)

    /** Products below this many multiply-adds run on the caller's thread: waking a worker would cost more. */
    public static final long PARALLEL_MIN_MNK = 1L << 18;

    /** Sparse products whose multiply-adds ({@code nonZeros · n}) reach this many split C's columns between threads. */
    public static final long SPARSE_PARALLEL_MIN = 1L << 21;

    /** Thread blocks of a sparse product or a split element-wise operation cover whole multiples of this many columns. */
    public static final int COLUMN_BLOCK = 128;

    /** Element-wise operations on matrices of at least this many elements split their columns between threads. */
    public static final int ELEMENTWISE_PARALLEL_MIN = 1 << 16;

    /** Most blocks one job of the pool is split into (one bit each in a {@code long}). */
    public static final int MAX_PARTS = 64;

    /**
     * Largest op(A), in floats, that the threads of a GEMM split by columns pack once for all of them (16 MB); a
     * larger A is packed by each thread for itself, in blocks, as on one thread.
     */
    public static final int SHARED_A_MAX = 1 << 22;

    /** Busy-wait iterations before a waiting thread parks. */
    public static final int SPINS = 1 << 12;

    // ---------------------------------------------------------------- packed GEMM (vector path)

    /** Rows of the GEMM micro-tile. */
    public static final int MR = 8;

    /** Columns of the GEMM micro-tile, in vectors. */
    public static final int NR_VECTORS = 3;

    /**
     * Largest k block; the actual block size balances k. A B panel of {@code KC_MAX × NR} floats then stays in a
     * 48 KB L1 next to the streaming A panel.
     */
    public static final int KC_MAX = 208;

    /** Rows of A per packed block (kept in L2). */
    public static final int MC = 144;

    /** Columns of B per packed block, in micro-tile panels. */
    public static final int NC_PANELS = 32;

    /**
     * Elements of C's block above which the macro-kernel runs row panels outermost: each row panel then sweeps its
     * rows of C in order, which the hardware prefetcher follows, once C's block no longer fits in L2.
     */
    public static final long ROWS_OUTER_ABOVE = 1L << 18;

    /**
     * With row panels outermost, they go in groups of {@code ROW_GROUP_K / kc} (at least one) that share each B
     * panel, so a B panel comes from L2 once per group.
     */
    public static final int ROW_GROUP_K = 4 * KC_MAX;

    // ---------------------------------------------------------------- sparse × dense (vector path)

    /** Up to this many output rows, a sparse product streams whole rows of B into the output row (kept in L1). */
    public static final int SPARSE_ROWWISE_MAX_ROWS = 4;

    /** Rows of B per chunk of the forward sparse product: 64 rows of one 8-vector block are 32 KB, kept in L1. */
    public static final int SPARSE_CHUNK = 64;
}
