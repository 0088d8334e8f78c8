package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** Layer 0 on a compressed sparse input computes the same products as the dense path. */
class SparseInputTest {

    /** Inputs with ~80% zeros, like MNIST pixels; 70 units = 4-vector blocks, single vectors and a scalar tail. */
    private static Matrix sparseInputs(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (r.nextDouble() < 0.2) {
                    m.set(i, j, (float) r.nextDouble());
                }
            }
        }
        return m;
    }

    private static Model train(Linalg la, boolean sparse, int batch) {
        NetworkSpec spec = NetworkSpec.newBuilder(50).layer(70, Activation.logistic()).layer(10, Activation.logistic()).init(Init.uniform(0.3)).build();
        Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 2);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.05).weightDecay(1e-3).batchSize(batch).epochs(2).build())
                .linalg(la).build();
        t.sparseMaxDensity = sparse ? 1.0 : -1;
        t.fit(sparseInputs(90, 50, 3), Data.oneHot(90, 10, 4));
        return m;
    }

    /**
     * The same training run with and without the sparse path: both compute Σ_p x_p W(p, j) and Σ_i x_ip δ_ij, only
     * in a different association order, so weights agree to float32 rounding (max |Δ| below 1e-5 on weights ~0.3).
     */
    @Test
    void sparsePathTrainsLikeTheDensePath() {
        for (int batch : new int[] {1, 16}) {
            Model sparse = train(Linalg.defaults(), true, batch);
            Model dense = train(Linalg.defaults(), false, batch);
            for (int l = 0; l < 2; l++) {
                Matrix a = sparse.weightsTransposed(l);
                Matrix b = dense.weightsTransposed(l);
                double max = 0;
                for (int i = 0; i < a.rows(); i++) {
                    for (int j = 0; j < a.cols(); j++) {
                        max = Math.max(max, Math.abs(a.get(i, j) - b.get(i, j)));
                    }
                }
                assertThat(max).as("layer %d batch %d", l, batch).isLessThan(1e-5);
            }
            assertThat(sparse.contentEquals(Model.create(sparse.spec(), sparse.rule(), 2))).isFalse();
        }
    }

    /**
     * Layer 0's sparse products run in fa-simd and split a large batch's units between threads; a whole sparse-input
     * training run is bit-identical at 1 and 2 threads on both paths (batch 64 × 500 inputs at 20% × 600 units is
     * ~3.8M multiply-adds per product, above fa-simd's split threshold of 2^21).
     */
    @Test
    void sparseTrainingIsBitIdenticalAtOneAndTwoThreads() {
        Matrix x = sparseInputs(128, 500, 8);
        Matrix y = Data.oneHot(128, 10, 9);
        NetworkSpec spec = NetworkSpec.newBuilder(500).layer(600, Activation.logistic()).layer(10, Activation.logistic())
                .init(Init.uniform(0.05)).build();
        for (KernelPath path : KernelPath.values()) {
            Model[] out = new Model[2];
            for (int threads = 1; threads <= 2; threads++) {
                Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 1);
                Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.05).weightDecay(1e-3).batchSize(64).epochs(1).build())
                        .linalg(Linalg.newBuilder().path(path).threads(threads).build()).build();
                t.fit(x, y);
                out[threads - 1] = m;
            }
            assertThat(out[1].contentEquals(out[0])).as("2 threads == 1 thread on %s", path).isTrue();
            assertThat(out[0].contentEquals(Model.create(spec, FeedbackAlignment.uniform(0.5), 1))).isFalse();
        }
    }
}
