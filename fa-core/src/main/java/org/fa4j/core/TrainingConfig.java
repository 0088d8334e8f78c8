package org.fa4j.core;

import org.fa4j.datasets.SeedStream;

/**
 * How to train: plain SGD with a learning rate (fixed, or following a {@link LearningRateSchedule}), weight decay, batch size, epochs and the seed of the data-order
 * and perturbation streams.
 *
 * <p>The update of layer {@code l} for a batch of {@code k} examples (rows {@code i}) is, exactly,
 * <pre>
 *   W_l ← (1 − η(α + λ)) · W_l + s · Σ_i δ_{l,i} h_{l−1,i}ᵀ    (one GEMM with beta = 1 − η(α + λ), in float32)
 *   b_l ← b_l + s · Σ_i δ_{l,i}                                (no decay on biases)
 * </pre>
 * with {@code s = η} for {@link BatchScaling#SUM} (the default: η is a rate per example, the paper's convention) and
 * {@code s = η/k} for {@link BatchScaling#MEAN} (η is a rate per update, as in most deep-learning libraries), and
 * {@code λ} the rule's own {@link org.fa4j.core.rule.LearningRule#extraWeightDecay() extra decay} (Kolen–Pollack's;
 * 0 for the other built-in rules). The decay factor does not depend on the scaling. With SUM this is the NumPy
 * peer's {@code W += η·ΔW − η·α·W} with the batch summed; removed (masked) weights are reset to zero after each
 * update. Note that {@code 1 − ηα} is rounded to float32: at the paper's MNIST
 * setting η = 1e-3, α = 1e-6 it rounds to exactly 1, so that weight decay is a no-op in float32 arithmetic (as it is in
 * the float32 NumPy peer, where {@code ηαW} is below half an ulp of {@code W}).
 *
 * <p>With a non-constant {@code schedule}, update {@code t} of a {@link Trainer#fit} run of {@code T} updates uses
 * {@code η_t = schedule.rate(η, t, T)} in place of η in both lines above (so the decay factor is {@code 1 − η_t α});
 * see {@link LearningRateSchedule}. The default, {@link LearningRateSchedule#constant()}, is the fixed η.
 *
 * @param learningRate η (&gt; 0)
 * @param weightDecay  α (≥ 0)
 * @param batchSize    examples per update (1 = online, the paper's setting)
 * @param epochs       passes over the data for {@link Trainer#fit}
 * @param seed         seed of the {@link SeedStream#DATA_ORDER} and {@link SeedStream#PERTURBATION} streams
 * @param shuffle      visit examples in a fresh seeded random order each epoch (else in index order)
 * @param schedule     how η changes over the run, per update (default constant)
 * @param batchScaling whether η multiplies the batch's sum or its mean (default {@link BatchScaling#SUM})
 */
public record TrainingConfig(double learningRate, double weightDecay, int batchSize, int epochs, long seed, boolean shuffle,
                             LearningRateSchedule schedule, BatchScaling batchScaling) {

    /** Checks the values. */
    public TrainingConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null (use LearningRateSchedule.constant())");
        }
        if (batchScaling == null) {
            throw new IllegalArgumentException("batchScaling must not be null (BatchScaling.SUM or BatchScaling.MEAN)");
        }
    }

    /** A config with η summed over the batch and the constant schedule (fixed η). */
    public TrainingConfig(double learningRate, double weightDecay, int batchSize, int epochs, long seed, boolean shuffle) {
        this(learningRate, weightDecay, batchSize, epochs, seed, shuffle, LearningRateSchedule.constant(), BatchScaling.SUM);
    }

    /** A builder with η = 1e-3 summed over the batch, α = 0, batch 1, 1 epoch, seed 1, shuffling, constant schedule. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder().learningRate(learningRate).weightDecay(weightDecay).batchSize(batchSize).epochs(epochs)
                .seed(seed).shuffle(shuffle).schedule(schedule).batchScaling(batchScaling);
    }

    /** Builds {@link TrainingConfig}s. */
    public static final class Builder {
        private double learningRate = 1e-3;
        private double weightDecay = 0;
        private int batchSize = 1;
        private int epochs = 1;
        private long seed = 1;
        private boolean shuffle = true;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private BatchScaling batchScaling = BatchScaling.SUM;

        private Builder() {
        }

        /** η. */
        public Builder learningRate(double v) { this.learningRate = v; return this; }

        /** α. */
        public Builder weightDecay(double v) { this.weightDecay = v; return this; }

        /** Examples per update. */
        public Builder batchSize(int v) { this.batchSize = v; return this; }

        /** Epochs for {@link Trainer#fit}. */
        public Builder epochs(int v) { this.epochs = v; return this; }

        /** Seed of the data-order and perturbation streams. */
        public Builder seed(long v) { this.seed = v; return this; }

        /** Whether to shuffle each epoch. */
        public Builder shuffle(boolean v) { this.shuffle = v; return this; }

        /** How η changes over the run (default constant). */
        public Builder schedule(LearningRateSchedule v) { this.schedule = v; return this; }

        /** Whether η multiplies the batch's sum (default) or its mean. */
        public Builder batchScaling(BatchScaling v) { this.batchScaling = v; return this; }

        /** A new config. */
        public TrainingConfig build() {
            return new TrainingConfig(learningRate, weightDecay, batchSize, epochs, seed, shuffle, schedule, batchScaling);
        }
    }
}
