package org.fa4j.analysis.experiments;

import java.util.Objects;

import org.fa4j.core.LearningRateSchedule;

/**
 * A training schedule for the MNIST-scale network: initial learning rate η, mini-batch size (the step is (η/m)·Σ over
 * the batch), epochs, and how η changes over the run (fa-core's {@link LearningRateSchedule}, applied per update).
 *
 * @param name   "paper" (η = 1e-3 per example, as written) or "fast"
 * @param eta    the (initial) learning rate
 * @param batch  the mini-batch size
 * @param epochs the number of passes over the training set
 * @param decay  how η changes over the run, e.g. constant or linear to 0
 */
record Schedule(String name, float eta, int batch, int epochs, LearningRateSchedule decay) {
    Schedule {
        Objects.requireNonNull(decay, "decay");
        if (!(eta > 0) || batch < 1 || epochs < 0) {
            throw new IllegalArgumentException("schedule " + name + ": eta " + eta + ", batch " + batch + ", epochs " + epochs
                    + "; expected eta > 0, batch >= 1, epochs >= 0");
        }
    }

    /** A schedule with a constant η. */
    Schedule(String name, float eta, int batch, int epochs) {
        this(name, eta, batch, epochs, LearningRateSchedule.constant());
    }

    Schedule withEpochs(int e) {
        return new Schedule(name, eta, batch, e, decay);
    }

    Schedule withEta(float e) {
        return new Schedule(name, e, batch, epochs, decay);
    }

    /** E.g. "η 0.2 linear, batch 10, 20 epochs". */
    String describe() {
        return "η " + eta + " " + decay.id() + ", batch " + batch + ", " + epochs + " epochs";
    }
}
