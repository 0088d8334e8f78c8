/**
 * Dense row-major {@code float} matrices and the kernels that feedback-alignment training needs, written on the
 * incubating Vector API ({@code jdk.incubator.vector}) with a scalar fallback.
 *
 * <p>Exports {@link org.fa4j.simd} only: {@link org.fa4j.simd.Matrix} (storage and views), {@link org.fa4j.simd.Linalg}
 * (the facade: GEMM, GEMV, GER, sparse × dense products and element-wise kernels, with a thread count),
 * {@link org.fa4j.simd.CsrMatrix} (a reusable compressed-sparse-row matrix for sparse inputs), the operand ops
 * {@link org.fa4j.simd.Op} and {@link org.fa4j.simd.VectorSupport} (which kernel path runs, decided once at start-up
 * and logged, and why). The kernels, their packing, the worker pool and every size threshold
 * ({@code org.fa4j.simd.internal.Tuning}) are in non-exported packages; the Vector API implementation
 * ({@code org.fa4j.simd.internal.vector}) is loaded only when the vector path runs, so the library also runs on the
 * class path, without {@code --add-modules jdk.incubator.vector}, on the scalar path.
 *
 * <p>System properties read: {@code fa4j.simd.path} ({@code vector} or {@code scalar}) forces a kernel path;
 * {@code fa4j.simd.threads} sets the default thread count.
 */
module org.fa4j.simd {
    requires jdk.incubator.vector;
    requires java.management;
    requires jdk.management;

    exports org.fa4j.simd;
}
