package org.fa4j.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How one update combines the examples of its batch: the learning rate η multiplies either their sum or their mean.
 * The two agree at batch size 1 (online learning, the paper's setting). The same names are used by
 * {@link TrainingConfig}, the JSON configs ({@code "batchScaling": "sum"} or {@code "mean"}) and model files.
 */
public enum BatchScaling {
    /** {@code W ← (1 − ηα)W + η Σ_i δ_i h_iᵀ}: η is a rate per example, so the step grows with the batch. */
    SUM,
    /** {@code W ← (1 − ηα)W + (η/k) Σ_i δ_i h_iᵀ} over the {@code k} rows of the batch: η is a rate per update. */
    MEAN;

    /** The name in files: {@code "sum"} or {@code "mean"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scaling called {@code id} ({@code "sum"} or {@code "mean"}); the message lists both otherwise. */
    public static BatchScaling named(String id) {
        for (BatchScaling s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown batch scaling '" + id + "'; expected one of "
                + Arrays.stream(values()).map(s -> "\"" + s.id() + "\"").collect(Collectors.joining(" or ")));
    }

    /** The factor applied to the batch's summed update for rate {@code eta} and a batch of {@code rows} examples. */
    double perSummedExample(double eta, int rows) {
        return this == SUM ? eta : eta / rows;
    }
}
