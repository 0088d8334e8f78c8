package org.fa4j.datasets;

import java.util.Objects;

/**
 * A training set and the validation set held out of it ({@link Dataset#holdOut(int, long)}).
 *
 * @param train      the examples left for training
 * @param validation the held-out examples
 */
public record Split(Dataset train, Dataset validation) {
    /** Both parts are required. */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }
}
