package org.fa4j.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.fa4j.simd.Matrix;

/**
 * Mini-batches over a {@link Dataset}, one epoch at a time, deterministic for a seed.
 *
 * <p>A view of shuffled rows is impossible without copying them, so a shuffling iterator copies the data set once per
 * epoch, in that epoch's order, into a buffer it owns and reuses; every batch is then a row view of that buffer
 * (no copy, no array allocated per batch). The buffer costs as much memory as the data set (188 MB for MNIST's
 * training inputs) and each epoch one pass of copying. Without shuffling, batches are views of the data set itself.
 * A batch stays valid until the next {@link #nextEpoch()} or {@link #reset()}.
 *
 * <p>Epoch {@code e}'s order is the {@link EpochOrder} of the seed, the same order fa-core's trainer visits with that
 * seed, so it depends only on the seed and {@code e}: {@link #reset()} replays the same sequence of batches.
 * When the data set size is not a multiple of the batch size, the last partial batch is kept (the default) or
 * dropped ({@link Builder#dropLast(boolean)}).
 *
 * <p>Use: {@code for (int e = 0; e < epochs; e++) { while (it.hasNext()) train(it.next()); it.nextEpoch(); }}.
 * Not thread-safe.
 */
public final class BatchIterator implements Iterator<Batch> {
    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final EpochOrder epochOrder;
    private final boolean dropLast;
    private final int[] order;
    private final Matrix inputs;
    private final Matrix targets;
    private final int[] labels;
    private int epoch;
    private int position;
    private int index;

    private BatchIterator(Builder b) {
        this.data = b.data;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.epochOrder = b.shuffle ? EpochOrder.shuffled(b.seed) : EpochOrder.inOrder();
        this.dropLast = b.dropLast;
        if (shuffle) {
            order = new int[data.size()];
            inputs = Matrix.zeros(data.size(), data.inputSize());
            targets = data.hasTargets() ? Matrix.zeros(data.size(), data.targetSize()) : null;
            labels = data.hasLabels() ? new int[data.size()] : null;
        } else {
            order = null;
            inputs = data.inputs();
            targets = data.targets();
            labels = data.labels();
        }
        startEpoch(0);
    }

    /** A builder for an iterator over {@code data}; the batch size must be set, shuffling is off until a seed is given. */
    public static Builder newBuilder(Dataset data) {
        return new Builder(data);
    }

    /** The number of batches in each epoch. */
    public int batchesPerEpoch() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** The current epoch, counted from 1 (as fa4j counts epochs and steps everywhere). */
    public int epoch() {
        return epoch + 1;
    }

    /** True while the current epoch has batches left. */
    @Override
    public boolean hasNext() {
        return index < batchesPerEpoch();
    }

    /** The next batch of the current epoch. */
    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + (epoch + 1) + " has no batches left (" + batchesPerEpoch()
                    + " per epoch); call nextEpoch()");
        }
        int to = Math.min(position + batchSize, data.size());
        Batch batch = new Batch(epoch + 1, index, inputs.rows(position, to), targets == null ? null : targets.rows(position, to),
                labels, order, position);
        position = to;
        index++;
        return batch;
    }

    /** Starts the next epoch (reshuffling when shuffling is on). */
    public void nextEpoch() {
        startEpoch(epoch + 1);
    }

    /** Returns to the start of epoch 1: the iterator then replays exactly the batches it gave since it was built. */
    public void reset() {
        epochOrder.reset();
        startEpoch(0);
    }

    private void startEpoch(int e) {
        epoch = e;
        position = 0;
        index = 0;
        if (!shuffle) {
            return;
        }
        epochOrder.next(order);
        inputs.copyRowsFrom(data.inputs(), order, 0);
        if (targets != null) {
            targets.copyRowsFrom(data.targets(), order, 0);
        }
        if (labels != null) {
            int[] src = data.labels();
            for (int i = 0; i < order.length; i++) {
                labels[i] = src[order[i]];
            }
        }
    }

    /** Configures a {@link BatchIterator}. */
    public static final class Builder {
        private final Dataset data;
        private int batchSize;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;

        private Builder(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        /** The number of examples per batch ({@code >= 1}). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Shuffle every epoch, with orders drawn from {@code seed}. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /** Keep the data set's order (the default). */
        public Builder noShuffle() {
            this.shuffle = false;
            return this;
        }

        /** Drop ({@code true}) or keep ({@code false}, the default) the last batch when it is smaller than the batch size. */
        public Builder dropLast(boolean drop) {
            this.dropLast = drop;
            return this;
        }

        /** The iterator, positioned at the start of epoch 1. */
        public BatchIterator build() {
            if (batchSize < 1) {
                throw new IllegalStateException("set the batch size (>= 1) before build()");
            }
            return new BatchIterator(this);
        }
    }
}
