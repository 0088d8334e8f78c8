package org.fa4j.simd;

/** Which implementation of the kernels runs: the Vector API one or the portable scalar fallback. */
public enum KernelPath {
    /** {@code jdk.incubator.vector} kernels, intrinsified by C2 into SIMD instructions. */
    VECTOR,
    /** Plain Java loops: used where the Vector API is absent, not intrinsified, or narrower than 128 bits. */
    SCALAR
}
