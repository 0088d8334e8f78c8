package org.fa4j.simd.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.fa4j.simd.internal.ScalarKernels;

/**
 * The vector path of {@link org.fa4j.simd.CsrMatrix#copyFrom}: the non-zeros of a dense row, a vector at a time, with the lane
 * compress of the Vector API (one instruction on AVX-512) instead of a branch per element, which mispredicts at
 * every edge of a stroke of an MNIST digit. Stores the same entries in the same order as the scalar loop.
 */
final class VectorCompress {
    private static final VectorSpecies<Float> F = VectorKernels.SPECIES;
    private static final VectorSpecies<Integer> I = F.withLanes(int.class).check(int.class);
    private static final int L = F.length();

    private VectorCompress() {
    }

    /**
     * Appends the entries of {@code d[o, o + cols)} that are not {@code ±0} to {@code idx}/{@code val} from position
     * {@code nnz} and returns the new count; the arrays must have room for all of them.
     */
    static int row(float[] d, int o, int cols, int[] idx, float[] val, int nnz) {
        IntVector iota = IntVector.zero(I).addIndex(1);
        int p = 0;
        for (; p + L <= cols; p += L) {
            FloatVector v = FloatVector.fromArray(F, d, o + p);
            VectorMask<Float> m = v.compare(VectorOperators.NE, 0f);
            int n = m.trueCount();
            if (n == 0) {
                continue;
            }
            VectorMask<Float> first = F.indexInRange(0, n);
            v.compress(m).intoArray(val, nnz, first);
            iota.add(p).compress(m.cast(I)).intoArray(idx, nnz, first.cast(I));
            nnz += n;
        }
        return ScalarKernels.compressRow(d, o, p, cols, idx, val, nnz);
    }
}
