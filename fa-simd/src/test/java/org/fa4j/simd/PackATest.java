package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.fa4j.simd.internal.vector.Packing;
import org.fa4j.simd.internal.vector.VectorGemm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link VectorGemm#packA} lays out op(A) exactly as its Javadoc says (panel q, then p, then r; zero beyond the last
 * row), for the plain and the transposed operand, full and partial panels, with and without a remainder of k
 * after the last multiple of 8 or 16, pairs of full panels (the transposed operand's two-panel copy) followed by a
 * single full panel, a k block of 1, and a destination offset. Checked element by element against the definition,
 * on a strided view; nothing outside the panels is written.
 */
class PackATest {

    @ParameterizedTest(name = "{0}: rows {1}+{2}, k {3}+{4}, from {5}")
    @CsvSource({"N, 0, 16, 0, 16, 0", "N, 3, 37, 5, 53, 0", "N, 0, 8, 0, 5, 0", "N, 1, 48, 2, 256, 0", "N, 0, 33, 7, 15, 0",
        "N, 2, 32, 0, 40, 0", "T, 0, 16, 0, 16, 0", "T, 3, 37, 5, 53, 0", "T, 1, 21, 2, 9, 0", "T, 0, 24, 0, 16, 13",
        "T, 2, 47, 1, 30, 0", "T, 5, 64, 3, 1, 7", "N, 1, 24, 0, 20, 9"})
    void packedPanelsHoldOpAPanelByPanelWithZeroPadding(Op opA, int ic, int mc, int pc, int kc, int from) {
        Random rnd = new Random(7);
        int rows = opA == Op.N ? ic + mc + 3 : pc + kc + 3;
        int cols = opA == Op.N ? pc + kc + 4 : ic + mc + 4;
        Matrix big = Matrix.zeros(rows, cols + 5);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols + 5; j++) {
                big.set(i, j, (float) rnd.nextGaussian());
            }
        }
        Matrix a = big.cols(2, 2 + cols); // stride larger than cols
        int panels = (mc + VectorGemm.MR - 1) / VectorGemm.MR;
        float[] ap = new float[from + panels * VectorGemm.MR * kc + 5];
        Arrays.fill(ap, Float.NaN);
        Packing.packA(opA, a, ic, mc, pc, kc, ap, from);
        for (int q = 0; q < panels; q++) {
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < VectorGemm.MR; r++) {
                    int i = q * VectorGemm.MR + r;
                    float want = i >= mc ? 0f : opA == Op.N ? a.get(ic + i, pc + p) : a.get(pc + p, ic + i);
                    float got = ap[from + (q * kc + p) * VectorGemm.MR + r];
                    assertThat(got).as("panel %d, p %d, r %d", q, p, r).isEqualTo(want);
                }
            }
        }
        int end = from + panels * VectorGemm.MR * kc;
        for (int x = 0; x < ap.length; x++) {
            if (x < from || x >= end) {
                assertThat(ap[x]).as("outside the panels, at %d", x).isNaN();
            }
        }
    }
}
