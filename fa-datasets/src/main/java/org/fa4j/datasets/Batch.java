package org.fa4j.datasets;

import org.fa4j.simd.Matrix;

/**
 * One mini-batch handed out by a {@link BatchIterator}: row views (no copies) of the iterator's current epoch
 * buffer, valid until the iterator starts another epoch.
 */
public final class Batch {
    private final int epoch;
    private final int index;
    private final Matrix inputs;
    private final Matrix targets;
    private final int[] labels;
    private final int[] sources;
    private final int offset;

    Batch(int epoch, int index, Matrix inputs, Matrix targets, int[] labels, int[] sources, int offset) {
        this.epoch = epoch;
        this.index = index;
        this.inputs = inputs;
        this.targets = targets;
        this.labels = labels;
        this.sources = sources;
        this.offset = offset;
    }

    /** The epoch this batch belongs to, counted from 1. */
    public int epoch() {
        return epoch;
    }

    /** The position of this batch within its epoch, an index (0 for the first). */
    public int index() {
        return index;
    }

    /** The number of examples in the batch (smaller than the batch size only for a kept last partial batch). */
    public int size() {
        return inputs.rows();
    }

    /** The inputs, {@code size() × d}: a view, not a copy. */
    public Matrix inputs() {
        return inputs;
    }

    /** The targets, {@code size() × k}: a view, not a copy; {@code null} when the data set has no targets. */
    public Matrix targets() {
        return targets;
    }

    /** True when the data set has class labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** The label of example {@code i} of the batch. */
    public int label(int i) {
        if (labels == null) {
            throw new IllegalStateException("this data set has no labels");
        }
        return labels[offset + java.util.Objects.checkIndex(i, size())];
    }

    /** The row of the original data set that example {@code i} of the batch is. */
    public int sourceIndex(int i) {
        int k = offset + java.util.Objects.checkIndex(i, size());
        return sources == null ? k : sources[k];
    }
}
