package org.fa4j.bench;

import org.fa4j.simd.Matrix;

/**
 * The useful arithmetic of one training example of a fully connected network on sparse input, as fa-core does it: the
 * first layer runs on the compressed input (its forward product and its weight gradient touch only the non-zero
 * pixels, and no error goes back into the input); every later layer has its forward product, the product that sends
 * the error one layer down (through Wᵀ for backprop, B for feedback alignment: the same size) and its weight gradient.
 * A multiply-add counts as 2 FLOP; activations, biases and the loss are left out (under 1% here).
 */
final class FlopCount {
    private FlopCount() {
    }

    /**
     * FLOP per example of the network {@code sizes} (input, hidden..., output) on inputs with {@code nonZeros}
     * non-zero entries on average: {@code 2·(2·nnz·n₁ + Σ_{l≥1} 3·n_l·n_{l+1})}.
     */
    static double perExample(int[] sizes, double nonZeros) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size, got " + sizes.length + " size(s)");
        }
        double macs = 2 * nonZeros * sizes[1];
        for (int l = 1; l + 1 < sizes.length; l++) {
            macs += 3.0 * sizes[l] * sizes[l + 1];
        }
        return 2 * macs;
    }

    /** The mean number of non-zero entries per row of {@code x}. */
    static double meanNonZeros(Matrix x) {
        long n = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                n += x.get(i, j) != 0f ? 1 : 0;
            }
        }
        return (double) n / x.rows();
    }
}
