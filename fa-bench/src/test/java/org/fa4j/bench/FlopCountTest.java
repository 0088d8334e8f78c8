package org.fa4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class FlopCountTest {
    /** The known answer for the paper's network on MNIST (≈ 150 non-zero pixels): ≈ 0.33 M multiply-adds per example. */
    @Test
    void thePapersNetworkOnMnistNeedsAboutAThirdOfAMillionMultiplyAddsPerExample() {
        double flop = FlopCount.perExample(new int[] {784, 1000, 10}, 150);
        assertThat(flop).isEqualTo(2 * (2 * 150 * 1000 + 3 * 1000 * 10));
        assertThat(flop / 2).isCloseTo(0.33e6, within(0.01e6));
    }

    /** Each extra hidden layer of n units adds its three n×n products; the sparse first layer never grows with depth. */
    @Test
    void depthAddsThreeSquareProductsPerLayer() {
        double one = FlopCount.perExample(new int[] {784, 1000, 10}, 150);
        double two = FlopCount.perExample(new int[] {784, 1000, 1000, 10}, 150);
        assertThat(two - one).isEqualTo(2 * 3.0 * 1000 * 1000);
    }

    @Test
    void countsTheNonZeroEntriesPerRowAndRejectsANetworkWithoutAnOutput() {
        Matrix x = Matrix.zeros(2, 4);
        x.set(0, 1, 0.5f);
        x.set(1, 0, 1f);
        x.set(1, 3, -2f);
        assertThat(FlopCount.meanNonZeros(x)).isEqualTo(1.5);
        assertThatThrownBy(() -> FlopCount.perExample(new int[] {784}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 size(s)");
    }
}
