package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Matrix;

/** The paper's Task 1 data (PAPER §2.1): {@code T ~ U[−1, 1]^{10×30}}, {@code x ~ N(0, I_30)}, {@code y* = T x}. */
final class Task1 {
    final Matrix t;
    final Matrix x;
    final Matrix y;

    Task1(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        t = Matrix.zeros(10, 30);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 30; j++) {
                t.set(i, j, (float) (2 * r.nextDouble() - 1));
            }
        }
        x = Matrix.zeros(n, 30);
        y = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 30; j++) {
                x.set(i, j, (float) r.nextGaussian());
            }
            for (int k = 0; k < 10; k++) {
                double s = 0;
                for (int j = 0; j < 30; j++) {
                    s += (double) t.get(k, j) * x.get(i, j);
                }
                y.set(i, k, (float) s);
            }
        }
    }

    static NetworkSpec spec() {
        return NetworkSpec.newBuilder(30)
                .layer(20, Activation.identity(), false)
                .layer(10, Activation.identity(), false)
                .init(Init.uniform(0.01))
                .build();
    }
}
