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

    @Test
    void copyRowsFromGathersTheListedRowsInOrderFromAView() {
        Matrix src = Matrix.of(new float[][] {{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}, {30, 31, 32, 33}}).cols(1, 3);
        Matrix dst = Matrix.zeros(5, 3).cols(0, 2).rows(1, 3);
        dst.copyRowsFrom(src, new int[] {9, 3, 0}, 1);
        assertThat(dst.toArray()).containsExactly(31, 32, 1, 2);
        dst.copyRowsFrom(src, 2);
        assertThat(dst.toArray()).containsExactly(21, 22, 31, 32);
    }

    @Test
    void copyRowsFromRefusesOtherWidthsAndRowsOutOfRange() {
        Matrix src = Matrix.zeros(4, 3);
        assertThatThrownBy(() -> Matrix.zeros(2, 2).copyRowsFrom(src, 0)).hasMessageContaining("4x3").hasMessageContaining("2x2");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).copyRowsFrom(src, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Matrix.zeros(2, 3).copyRowsFrom(src, new int[] {0, 4}, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
