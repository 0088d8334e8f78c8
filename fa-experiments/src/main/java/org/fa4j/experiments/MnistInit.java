package org.fa4j.experiments;

/**
 * The initial weight scales of one MNIST run: hidden weights W0 ~ U[-ω, ω], output weights W ~ U[-ω_out, ω_out] and
 * feedback B ~ U[-β, β]. The output layer has a scale of its own because logistic output units that start saturated
 * never recover (σ'(a) ≈ 0 stops their learning): with one ω for both layers, runs at a large ω sat on a plateau.
 *
 * @param omega       ω of the hidden layer
 * @param outputOmega ω_out of the output layer
 * @param beta        β of the feedback matrices
 */
record MnistInit(double omega, double outputOmega, double beta) {
    MnistInit {
        if (!(omega > 0) || !(outputOmega > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("omega " + omega + ", output omega " + outputOmega + ", beta " + beta
                    + ": expected all > 0");
        }
    }

    /** One ω for both layers, as the paper's protocol draws them. */
    static MnistInit shared(double omega, double beta) {
        return new MnistInit(omega, omega, beta);
    }
}
