package org.fa4j.datasets;

import java.util.Arrays;
import java.util.Objects;
import org.fa4j.simd.Matrix;

/**
 * A labelled data set, one example per row: {@code inputs} is {@code n × d}, {@code targets} the desired outputs
 * {@code n × k} (one-hot for classification, real-valued for regression), {@code labels} the class of each example.
 *
 * <p>{@code targets} may be {@code null} for a classification set loaded without one-hot targets, {@code labels}
 * may be {@code null} for a regression task; not both. The matrices and the array are shared, not copied (a
 * record's {@code equals} therefore compares them by identity). {@link #rows(int, int)} gives a view of a range of
 * examples; {@link #holdOut(int, long)} splits off a validation set deterministically.
 *
 * @param inputs  {@code n × d}, one example per row
 * @param targets {@code n × k} desired outputs, or {@code null}
 * @param labels  {@code n} class indices, or {@code null}
 */
public record Dataset(Matrix inputs, Matrix targets, int[] labels) {

    /** Checks that every part has one row (or label) per example. */
    public Dataset {
        Objects.requireNonNull(inputs, "inputs");
        if (targets == null && labels == null) {
            throw new IllegalArgumentException("a data set needs targets or labels (or both); both are null");
        }
        if (targets != null && targets.rows() != inputs.rows()) {
            throw new IllegalArgumentException("inputs " + inputs.shape() + " and targets " + targets.shape()
                    + " must have the same number of rows");
        }
        if (labels != null && labels.length != inputs.rows()) {
            throw new IllegalArgumentException("inputs " + inputs.shape() + " has " + inputs.rows() + " rows but there are "
                    + labels.length + " labels");
        }
    }

    /** The number of examples. */
    public int size() {
        return inputs.rows();
    }

    /** The input dimension {@code d}. */
    public int inputSize() {
        return inputs.cols();
    }

    /** The target dimension {@code k}; throws if there are no targets. */
    public int targetSize() {
        return requireTargets().cols();
    }

    /** True when the set has a targets matrix. */
    public boolean hasTargets() {
        return targets != null;
    }

    /** True when the set has class labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    private Matrix requireTargets() {
        if (targets == null) {
            throw new IllegalStateException("this data set has labels but no targets matrix");
        }
        return targets;
    }

    /**
     * Examples {@code from} (inclusive) to {@code to} (exclusive): inputs and targets are views (no copy), labels a
     * copy of the range.
     */
    public Dataset rows(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new Dataset(inputs.rows(from, to), targets == null ? null : targets.rows(from, to),
                labels == null ? null : Arrays.copyOfRange(labels, from, to));
    }

    /** A new data set (copied) holding the examples at {@code indices}, in that order. */
    public Dataset select(int[] indices) {
        Matrix in = Matrix.zeros(indices.length, inputs.cols());
        Matrix out = targets == null ? null : Matrix.zeros(indices.length, targets.cols());
        int[] lab = labels == null ? null : new int[indices.length];
        in.copyRowsFrom(inputs, indices, 0);
        if (out != null) {
            out.copyRowsFrom(targets, indices, 0);
        }
        if (lab != null) {
            for (int i = 0; i < indices.length; i++) {
                lab[i] = labels[indices[i]];
            }
        }
        return new Dataset(in, out, lab);
    }

    /**
     * Splits off {@code count} examples, chosen uniformly at random from {@code seed} (stream
     * {@code "validation"} of {@link Seeds#stream}), as a validation set; the rest is the training set. Both keep the
     * original order of their examples and are copies. The same seed always gives the same split.
     */
    public Split holdOut(int count, long seed) {
        if (count < 0 || count > size()) {
            throw new IllegalArgumentException("cannot hold out " + count + " of " + size() + " examples");
        }
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        Seeds.stream(seed, "validation").shuffle(order);
        int[] validation = Arrays.copyOfRange(order, 0, count);
        int[] train = Arrays.copyOfRange(order, count, order.length);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Split(select(train), select(validation));
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " examples, inputs " + inputs.shape()
                + (targets == null ? "" : ", targets " + targets.shape()) + (labels == null ? "" : ", labels") + "]";
    }
}
