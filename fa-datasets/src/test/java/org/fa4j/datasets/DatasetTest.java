package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class DatasetTest {
    /** n examples whose input row i is (i, 10 i), target row i is (-i), label i % 3. */
    static Dataset numbered(int n) {
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            x.set(i, 1, 10 * i);
            y.set(i, 0, -i);
            labels[i] = i % 3;
        }
        return new Dataset(x, y, labels);
    }

    @Test
    void rowCountsMustAgreeAndTheMessageNamesBothShapes() {
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(3, 2), Matrix.zeros(4, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x2").hasMessageContaining("4x1");
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(3, 2), null, new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels");
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(3, 2), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets or labels");
    }

    @Test
    void rowsIsAViewOfInputsAndTargets() {
        Dataset d = numbered(10);
        Dataset part = d.rows(3, 6);
        assertThat(part.size()).isEqualTo(3);
        assertThat(part.labels()).containsExactly(0, 1, 2);
        part.inputs().set(0, 0, 99);
        assertThat(d.inputs().get(3, 0)).isEqualTo(99f);
        assertThat(part.inputs().array()).isSameAs(d.inputs().array());
    }

    @Test
    void selectCopiesTheChosenExamplesInOrder() {
        Dataset d = numbered(10);
        Dataset s = d.select(new int[] {7, 2, 7});
        assertThat(s.inputs().toArray()).containsExactly(7, 70, 2, 20, 7, 70);
        assertThat(s.targets().toArray()).containsExactly(-7, -2, -7);
        assertThat(s.labels()).containsExactly(1, 2, 1);
    }

    @Test
    void holdOutPartitionsTheExamplesKeepingTheirOrder() {
        Dataset d = numbered(1000);
        Split split = d.holdOut(100, 5);
        assertThat(split.validation().size()).isEqualTo(100);
        assertThat(split.train().size()).isEqualTo(900);
        int[] v = ids(split.validation());
        int[] t = ids(split.train());
        assertThat(v).isSorted();
        assertThat(t).isSorted();
        int[] all = IntStream.concat(IntStream.of(v), IntStream.of(t)).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray());
        // targets and labels travel with their inputs
        for (int i = 0; i < v.length; i++) {
            assertThat(split.validation().targets().get(i, 0)).isEqualTo(-v[i]);
            assertThat(split.validation().labels()[i]).isEqualTo(v[i] % 3);
        }
    }

    @Test
    void holdOutIsDeterministicForASeedAndDiffersAcrossSeeds() {
        Dataset d = numbered(1000);
        assertThat(ids(d.holdOut(100, 5).validation())).isEqualTo(ids(d.holdOut(100, 5).validation()));
        assertThat(ids(d.holdOut(100, 5).validation())).isNotEqualTo(ids(d.holdOut(100, 6).validation()));
    }

    @Test
    void holdOutRejectsMoreThanTheDataSetHolds() {
        assertThatThrownBy(() -> numbered(10).holdOut(11, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 of 10");
    }

    private static int[] ids(Dataset d) {
        return Arrays.stream(IntStream.range(0, d.size()).toArray()).map(i -> (int) d.inputs().get(i, 0)).toArray();
    }
}
