package org.fa4j.analysis.experiments;

/**
 * A training schedule for the MNIST-scale network: learning rate η, mini-batch size (the step is (η/m)·Σ over the
 * batch) and epochs.
 *
 * @param name   "paper" (η = 1e-3 per example, as written) or "fast"
 * @param eta    the learning rate
 * @param batch  the mini-batch size
 * @param epochs the number of passes over the training set
 */
record Schedule(String name, float eta, int batch, int epochs) {
    Schedule {
        if (!(eta > 0) || batch < 1 || epochs < 0) {
            throw new IllegalArgumentException("schedule " + name + ": eta " + eta + ", batch " + batch + ", epochs " + epochs
                    + "; expected eta > 0, batch >= 1, epochs >= 0");
        }
    }

    Schedule withEpochs(int e) {
        return new Schedule(name, eta, batch, e);
    }
}
