package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class SeedsTest {

    private static long finaliser(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void aTrialSeedIsTheFinaliserChainedOverMasterNameAndIndex() {
        long master = 1411024;
        String name = "mnist-model";
        long h = finaliser(master ^ 0x6A09E667F3BCC909L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = finaliser(h ^ b);
        }
        long expected = finaliser(h ^ (3 * 0x9E3779B97F4A7C15L));
        assertThat(Seeds.derive(master, name, 3)).isEqualTo(expected);
        assertThat(Seeds.derive(master, name, 4)).isNotEqualTo(expected);
        assertThat(Seeds.derive(master, "mnist-order", 3)).isNotEqualTo(expected);
    }

    @Test
    void mix64IsSplitMix64sFinaliser() {
        for (long z : new long[] {0, 1, -1, 0x9E3779B97F4A7C15L, 42}) {
            assertThat(Seeds.mix64(z)).isEqualTo(finaliser(z));
        }
    }

    @Test
    void aGaussianMatrixIsTheStreamsDrawsRowByRow() {
        Matrix m = Seeds.stream(3, "x").gaussianMatrix(2, 3);
        RandomStream r = Seeds.stream(3, "x");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(m.get(i, j)).isEqualTo((float) r.nextGaussian());
            }
        }
    }
}
