package org.fa4j.datasets;

import java.util.SplittableRandom;

/**
 * The order in which each epoch visits a data set's examples: the one shuffling of fa4j, used by
 * {@link BatchIterator} and by fa-core's trainer.
 *
 * <p>A shuffled order is, for every epoch in turn, the identity permutation shuffled by Fisher–Yates (from the last
 * position down, {@code j = nextInt(i + 1)}) with one generator, the {@link SeedStream#DATA_ORDER} stream of the seed,
 * that runs on from epoch to epoch: epoch {@code e}'s order depends only on the seed and {@code e}. An unshuffled
 * order is the identity every epoch. Not thread-safe.
 */
public final class EpochOrder {
    private final long seed;
    private final boolean shuffle;
    private SplittableRandom random;

    private EpochOrder(long seed, boolean shuffle) {
        this.seed = seed;
        this.shuffle = shuffle;
        reset();
    }

    /** Orders shuffled afresh each epoch from the {@link SeedStream#DATA_ORDER} stream of {@code seed}. */
    public static EpochOrder shuffled(long seed) {
        return new EpochOrder(seed, true);
    }

    /** Index order, every epoch. */
    public static EpochOrder inOrder() {
        return new EpochOrder(0, false);
    }

    /** Whether epochs are shuffled. */
    public boolean isShuffled() {
        return shuffle;
    }

    /** Fills {@code order} with the next epoch's order of {@code order.length} examples. Allocation-free. */
    public void next(int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!shuffle) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Starts again from the first epoch: the orders that follow are those given since this object was made. */
    public void reset() {
        random = shuffle ? Seeds.random(seed, SeedStream.DATA_ORDER) : null;
    }
}
