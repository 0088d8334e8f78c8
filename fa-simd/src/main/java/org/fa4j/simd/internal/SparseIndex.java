package org.fa4j.simd.internal;

/**
 * One compressed index of a sparse matrix, as the sparse kernels read it: the entries of output row {@code r} are
 * {@code k ∈ [start[r], start[r+1])}, each with column (or row) {@code idx[k]} and value {@code val[k]}. A
 * {@link org.fa4j.simd.CsrMatrix} keeps two: by rows (for {@code A·B}) and by columns (for {@code Aᵀ·D}). The arrays
 * are the matrix's own, refilled in place.
 *
 * @param rows  the number of output rows
 * @param start {@code rows + 1} offsets into {@code idx} and {@code val}
 * @param idx   the other coordinate of each entry, ascending within a row
 * @param val   the value of each entry
 */
public record SparseIndex(int rows, int[] start, int[] idx, float[] val) {
}
