package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
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

    /** Every element is one fused multiply-add chain in a fixed order, so the vector and scalar kernels agree exactly. */
    @Test
    void sparseKernelsAgreeBitForBitAcrossPaths() {
        int batch = 7;
        int in = 50;
        int n = 70;
        NetworkSpec spec = NetworkSpec.newBuilder(in).layer(n, Activation.identity()).build();
        Workspace ws = new Workspace(spec, batch);
        ws.x.copyFrom(sparseInputs(batch, in, 5));
        assertThat(ws.compressInput()).isBetween(0.1, 0.3);
        Model m = Model.create(spec, new Backprop(), 1);
        ws.sparseForward0(m, Linalg.newBuilder().path(KernelPath.VECTOR).build());
        Matrix vec = ws.act[0].copy();
        ws.sparseForward0(m, Linalg.newBuilder().path(KernelPath.SCALAR).build());
        assertThat(ws.act[0].contentEquals(vec)).isTrue();
        // and it is X W_0ᵀ: compare with a float64 product
        Matrix w = m.weights(0);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < in; p++) {
                    s += (double) ws.x.get(i, p) * w.get(j, p);
                }
                assertThat((double) vec.get(i, j)).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        ws.delta[0].copyFrom(Data.gaussian(batch, n, 6));
        Model m2 = m.copy();
        ws.sparseUpdate0(m, Linalg.newBuilder().path(KernelPath.VECTOR).build(), 0.1f);
        ws.sparseUpdate0(m2, Linalg.newBuilder().path(KernelPath.SCALAR).build(), 0.1f);
        assertThat(m.weightsTransposed(0).contentEquals(m2.weightsTransposed(0))).isTrue();
    }
}
