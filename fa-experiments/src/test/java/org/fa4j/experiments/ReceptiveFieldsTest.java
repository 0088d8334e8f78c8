package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReceptiveFieldsTest {

    @Test
    void hundredDistinctUnitsAreChosenDeterministically() {
        int[] a = ReceptiveFields.units(1000, 5);
        assertThat(a).hasSize(100).doesNotHaveDuplicates();
        assertThat(ReceptiveFields.units(1000, 5)).containsExactly(a);
        assertThat(Arrays.stream(a).allMatch(u -> u >= 0 && u < 1000)).isTrue();
    }

    @Test
    void strongPositiveWeightsAreWhiteAndStrongNegativeBlack() {
        int hidden = 100;
        float[] w = new float[hidden * 784];
        for (int u = 0; u < hidden; u++) {
            w[u * 784] = 1f;      // pixel (0, 0): strongest positive
            w[u * 784 + 1] = -1f; // pixel (0, 1): strongest negative
        }
        BufferedImage img = ReceptiveFields.render(hidden, 1, new float[][] {w}, new String[] {"t"});
        int x0 = 12;
        int y0 = 12 + 24;
        assertThat(img.getRGB(x0, y0) & 0xFF).isEqualTo(255);
        assertThat(img.getRGB(x0 + ReceptiveFields.ZOOM, y0) & 0xFF).isEqualTo(0);
        assertThat(img.getRGB(x0 + 2 * ReceptiveFields.ZOOM, y0) & 0xFF).isBetween(127, 128);
    }
}
