package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    /** The documented order, written out: identity, then Fisher–Yates from the last position with one generator. */
    private static int[] reference(SplittableRandom r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    @Test
    void shuffledEpochsFollowTheDataOrderStreamFromEpochToEpoch() {
        EpochOrder order = EpochOrder.shuffled(1411024);
        SplittableRandom r = new SplittableRandom(Seeds.salted(1411024, SeedStream.DATA_ORDER.ordinal() + 1));
        int[] got = new int[37];
        for (int e = 0; e < 3; e++) {
            order.next(got);
            assertThat(got).as("epoch %d", e).containsExactly(reference(r, 37));
        }
    }

    @Test
    void resetReplaysTheFirstEpochs() {
        EpochOrder order = EpochOrder.shuffled(5);
        int[] first = new int[20];
        int[] second = new int[20];
        order.next(first);
        order.next(second);
        assertThat(second).isNotEqualTo(first);
        order.reset();
        int[] again = new int[20];
        order.next(again);
        assertThat(again).containsExactly(first);
    }

    @Test
    void anUnshuffledOrderIsTheIdentityEveryEpoch() {
        EpochOrder order = EpochOrder.inOrder();
        int[] a = {9, 9, 9, 9};
        order.next(a);
        assertThat(a).containsExactly(0, 1, 2, 3);
        order.next(a);
        assertThat(a).containsExactly(0, 1, 2, 3);
        assertThat(order.isShuffled()).isFalse();
    }

    @Test
    void aReferenceWithAnotherGeneratorDoesNotMatch() {
        // The check above can fail: a generator of another stream gives another order.
        EpochOrder order = EpochOrder.shuffled(1411024);
        int[] got = new int[37];
        order.next(got);
        SplittableRandom other = Seeds.random(1411024, SeedStream.FEEDBACK);
        assertThat(got).isNotEqualTo(reference(other, 37));
    }
}
