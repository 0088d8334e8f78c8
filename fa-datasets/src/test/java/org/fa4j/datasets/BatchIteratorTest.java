package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchIteratorTest {
    private static final Dataset DATA = DatasetTest.numbered(10);

    private static BatchIterator.Builder builder(int batchSize) {
        return BatchIterator.newBuilder(DATA).batchSize(batchSize);
    }

    /** The source rows of every batch of the current epoch, batch by batch. */
    private static List<int[]> epoch(BatchIterator it) {
        List<int[]> out = new ArrayList<>();
        while (it.hasNext()) {
            Batch b = it.next();
            out.add(IntStream.range(0, b.size()).map(b::sourceIndex).toArray());
        }
        return out;
    }

    @Test
    void withoutShuffleBatchesAreViewsOfTheDataSetInOrderAndTheLastPartialBatchIsKept() {
        BatchIterator it = builder(4).build();
        assertThat(it.batchesPerEpoch()).isEqualTo(3);
        List<Batch> batches = new ArrayList<>();
        while (it.hasNext()) {
            batches.add(it.next());
        }
        assertThat(batches).extracting(Batch::size).containsExactly(4, 4, 2);
        for (Batch b : batches) {
            assertThat(b.inputs().array()).isSameAs(DATA.inputs().array());
            assertThat(b.targets().array()).isSameAs(DATA.targets().array());
        }
        assertThat(batches.get(2).inputs().toArray()).containsExactly(8, 80, 9, 90);
        assertThat(batches.get(2).label(1)).isEqualTo(9 % 3);
    }

    @Test
    void dropLastDropsTheShortBatch() {
        BatchIterator it = builder(4).dropLast(true).build();
        assertThat(it.batchesPerEpoch()).isEqualTo(2);
        assertThat(epoch(it)).extracting(a -> a.length).containsExactly(4, 4);
    }

    @Test
    void dropLastKeepsEveryBatchWhenTheSizeDivides() {
        assertThat(epoch(builder(5).dropLast(true).build())).extracting(a -> a.length).containsExactly(5, 5);
    }

    @Test
    void everyShuffledEpochVisitsEachExampleExactlyOnceWithItsTargetAndLabel() {
        BatchIterator it = builder(3).shuffle(42).build();
        for (int e = 0; e < 4; e++) {
            List<Integer> seen = new ArrayList<>();
            while (it.hasNext()) {
                Batch b = it.next();
                assertThat(b.epoch()).isEqualTo(e + 1);
                for (int i = 0; i < b.size(); i++) {
                    int src = b.sourceIndex(i);
                    seen.add(src);
                    assertThat(b.inputs().get(i, 0)).isEqualTo(src);
                    assertThat(b.inputs().get(i, 1)).isEqualTo(10 * src);
                    assertThat(b.targets().get(i, 0)).isEqualTo(-src);
                    assertThat(b.label(i)).isEqualTo(src % 3);
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            it.nextEpoch();
        }
    }

    @Test
    void shuffledBatchesAreViewsOfOneReusedBuffer() {
        BatchIterator it = builder(4).shuffle(1).build();
        float[] buffer = it.next().inputs().array();
        assertThat(buffer).isNotSameAs(DATA.inputs().array());
        assertThat(it.next().inputs().array()).isSameAs(buffer);
        it.nextEpoch();
        assertThat(it.next().inputs().array()).isSameAs(buffer);
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndEpochsDiffer() {
        BatchIterator a = builder(3).shuffle(7).build();
        BatchIterator b = builder(3).shuffle(7).build();
        List<int[]> a0 = epoch(a);
        assertThat(a0).containsExactlyElementsOf(epoch(b));
        a.nextEpoch();
        b.nextEpoch();
        List<int[]> a1 = epoch(a);
        assertThat(a1).containsExactlyElementsOf(epoch(b));
        assertThat(flat(a1)).isNotEqualTo(flat(a0));
        assertThat(flat(epoch(builder(3).shuffle(8).build()))).isNotEqualTo(flat(a0));
    }

    @Test
    void resetReplaysFromTheFirstEpoch() {
        BatchIterator it = builder(4).shuffle(3).build();
        List<int[]> first = epoch(it);
        it.nextEpoch();
        epoch(it);
        assertThat(it.epoch()).isEqualTo(2);
        it.reset();
        assertThat(it.epoch()).isOne();
        assertThat(epoch(it)).containsExactlyElementsOf(first);
    }

    @Test
    void nextPastTheEndOfAnEpochSaysSo() {
        BatchIterator it = builder(10).build();
        it.next();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("nextEpoch()");
    }

    @Test
    void theBatchSizeMustBeSetAndPositive() {
        assertThatThrownBy(() -> BatchIterator.newBuilder(DATA).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BatchIterator.newBuilder(DATA).batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void aDataSetWithoutLabelsOrTargetsIsBatchedToo() {
        LinearTask task = LinearTask.generate(1, 7, 0);
        BatchIterator it = BatchIterator.newBuilder(task.train()).batchSize(2).shuffle(5).build();
        Batch b = it.next();
        assertThat(b.hasLabels()).isFalse();
        assertThat(b.targets().row(0).contentEquals(task.train().targets().row(b.sourceIndex(0)))).isTrue();
        Dataset labelsOnly = new Dataset(DATA.inputs(), null, DATA.labels());
        Batch c = BatchIterator.newBuilder(labelsOnly).batchSize(2).shuffle(5).build().next();
        assertThat(c.targets()).isNull();
        assertThat(c.label(0)).isEqualTo(c.sourceIndex(0) % 3);
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(IntStream::of).toArray();
    }
}
