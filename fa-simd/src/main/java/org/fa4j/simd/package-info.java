/**
 * Dense float matrices ({@link org.fa4j.simd.Matrix}) and their kernels ({@link org.fa4j.simd.Linalg}): GEMM in all
 * four transpose cases, GEMV, GER, sparse × dense products on a {@link org.fa4j.simd.CsrMatrix} and element-wise operations, on the Vector API with a scalar fallback chosen once by
 * {@link org.fa4j.simd.VectorSupport}.
 */
package org.fa4j.simd;
