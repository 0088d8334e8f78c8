package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fa4j.simd.internal.vector.Packing;
import org.fa4j.simd.internal.vector.VectorGemm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link VectorGemm#packB} lays out op(B) exactly as its Javadoc says (panel q, then p, then j; zero beyond the last
 * column), for the plain and the transposed operand: one panel (packed just before use), a whole block of full panels
 * (rows of B copied in memory order), a block ending in a partial panel, and k and column ranges that are not
 * multiples of 16. Checked element by element against the definition, on a strided view.
 */
class PackBTest {

    @ParameterizedTest(name = "{0}: k {1}+{2}, columns {3}+{4}")
    @CsvSource({"N, 0, 16, 0, 48", "N, 3, 37, 5, 20", "N, 1, 40, 2, 144", "N, 0, 53, 7, 161", "N, 2, 9, 0, 97",
        "T, 0, 16, 0, 48", "T, 3, 37, 5, 20", "T, 1, 40, 2, 144", "T, 0, 53, 7, 161", "T, 2, 9, 0, 97"})
    void packedPanelsHoldOpBPanelByPanelWithZeroPadding(Op opB, int pc, int kc, int jc, int nc) {
        int rows = opB == Op.N ? pc + kc + 3 : jc + nc + 3;
        int cols = opB == Op.N ? jc + nc + 4 : pc + kc + 4;
        Matrix b = Ref.random(new SplittableRandom(11), rows, cols, true); // a strided view ringed by sentinels
        int nr = VectorGemm.NR;
        int panels = (nc + nr - 1) / nr;
        float[] bp = new float[panels * nr * kc];
        Arrays.fill(bp, Float.NaN);
        Packing.packB(opB, b, pc, kc, jc, nc, bp);
        for (int q = 0; q < panels; q++) {
            for (int p = 0; p < kc; p++) {
                for (int j = 0; j < nr; j++) {
                    int col = q * nr + j;
                    float want = col >= nc ? 0f : opB == Op.N ? b.get(pc + p, jc + col) : b.get(jc + col, pc + p);
                    float got = bp[(q * kc + p) * nr + j];
                    assertThat(got).as("panel %d, p %d, j %d", q, p, j).isEqualTo(want);
                }
            }
        }
    }
}
