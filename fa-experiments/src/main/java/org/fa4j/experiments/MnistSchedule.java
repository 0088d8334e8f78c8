package org.fa4j.experiments;

import java.util.Objects;
import org.fa4j.core.LearningRateSchedule;

/**
 * A training schedule for the MNIST-scale network: initial learning rate η, mini-batch size (the step is (η/m)·Σ over
 * the batch), epochs, and how η changes over the run (fa-core's {@link LearningRateSchedule}, applied per update).
 *
 * @param name   "paper" (η = 1e-3 per example, as written), "fast" or "search"
 * @param eta    the (initial) learning rate
 * @param batch  the mini-batch size
 * @param epochs the number of passes over the training set
 * @param decay  how η changes over the run, e.g. constant or linear to 0
 */
public record MnistSchedule(String name, float eta, int batch, int epochs, LearningRateSchedule decay) {
    /** Checks η &gt; 0, batch ≥ 1 and epochs ≥ 0. */
    public MnistSchedule {
        Objects.requireNonNull(decay, "decay");
        if (!(eta > 0) || batch < 1 || epochs < 0) {
            throw new IllegalArgumentException("schedule " + name + ": eta " + eta + ", batch " + batch + ", epochs " + epochs
                    + "; expected eta > 0, batch >= 1, epochs >= 0");
        }
    }

    /** A schedule with a constant η. */
    public MnistSchedule(String name, float eta, int batch, int epochs) {
        this(name, eta, batch, epochs, LearningRateSchedule.constant());
    }

    /** This schedule with {@code e} epochs. */
    public MnistSchedule withEpochs(int e) {
        return new MnistSchedule(name, eta, batch, e, decay);
    }

    /** This schedule with initial learning rate {@code e}. */
    public MnistSchedule withEta(float e) {
        return new MnistSchedule(name, e, batch, epochs, decay);
    }

    /** E.g. "η 0.2 linear, batch 10, 20 epochs". */
    public String describe() {
        return "η " + eta + " " + decay.id() + ", batch " + batch + ", " + epochs + " epochs";
    }
}
