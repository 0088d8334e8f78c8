package org.fa4j.simd;

/** How a GEMM/GEMV operand is used: as stored ({@link #N}) or transposed ({@link #T}), as in BLAS. */
public enum Op {
    /** The operand as stored. */
    N,
    /** The operand transposed. */
    T
}
