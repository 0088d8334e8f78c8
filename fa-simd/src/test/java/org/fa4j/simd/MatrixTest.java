package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void rowViewSharesStorageWithItsParent() {
        Matrix m = Matrix.zeros(4, 3);
        Matrix v = m.rows(1, 3);
        v.set(0, 2, 7f);
        assertThat(m.get(1, 2)).isEqualTo(7f);
        assertThat(v.rows()).isEqualTo(2);
        assertThat(v.offset()).isEqualTo(3);
    }

    @Test
    void wrapRejectsAWindowLargerThanItsArray() {
        assertThatThrownBy(() -> Matrix.wrap(new float[10], 2, 3, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 13 elements, data has 10");
    }

    @Test
    void copyFromNamesBothShapesOnMismatch() {
        assertThatThrownBy(() -> Matrix.zeros(2, 3).copyFrom(Matrix.zeros(3, 2)))
                .hasMessageContaining("2x3").hasMessageContaining("3x2");
    }

    @Test
    void transposeSwapsIndices() {
        Matrix m = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix t = m.transpose();
        assertThat(t.shape()).isEqualTo("3x2");
        assertThat(t.get(2, 1)).isEqualTo(6f);
    }
}
