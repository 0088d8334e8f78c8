package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Matrix;

/** Random test data. */
final class Data {
    private Data() {
    }

    static Matrix gaussian(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, (float) r.nextGaussian());
            }
        }
        return m;
    }

    /** One-hot targets of random classes. */
    static Matrix oneHot(int rows, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, classes);
        for (int i = 0; i < rows; i++) {
            m.set(i, r.nextInt(classes), 1f);
        }
        return m;
    }

    /** A small logistic classifier spec, like a shrunken MNIST net. */
    static NetworkSpec logistic(int in, int hidden, int out) {
        return NetworkSpec.newBuilder(in).layer(hidden, Activation.logistic()).layer(out, Activation.logistic()).init(Init.uniform(0.1)).build();
    }
}
