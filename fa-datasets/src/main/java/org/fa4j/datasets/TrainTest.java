package org.fa4j.datasets;

import java.util.Objects;

/**
 * A training set and a test set, such as MNIST's 60,000 training and 10,000 test images.
 *
 * @param train the examples to learn from
 * @param test  the held-aside examples to report on
 */
public record TrainTest(Dataset train, Dataset test) {
    /** Both parts are required and must have the same input size. */
    public TrainTest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.inputSize() != test.inputSize()) {
            throw new IllegalArgumentException("train inputs " + train.inputs().shape() + " and test inputs "
                    + test.inputs().shape() + " must have the same number of columns");
        }
    }
}
