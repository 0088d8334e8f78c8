package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GEMV and GER on both kernel paths against float64 references (tolerance: see {@link Ref}). */
class Blas2Test {

    private static Linalg linalg(KernelPath path) {
        return Linalg.newBuilder().path(path).threads(1).build();
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void gemvInBothOrientationsMatchesTheReference(KernelPath path) {
        Linalg la = linalg(path);
        SplittableRandom rnd = new SplittableRandom(21);
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-0.5f, 2f}, {0f, 0.5f}};
        for (int s = 1; s <= 70; s++) {
            for (Op op : Op.values()) {
                int m = s;
                int k = 1 + rnd.nextInt(70);
                if (rnd.nextBoolean()) {
                    int t = m;
                    m = k;
                    k = t;
                }
                float[] ab = alphaBeta[rnd.nextInt(alphaBeta.length)];
                Matrix a = op == Op.N ? Ref.random(rnd, m, k, rnd.nextBoolean()) : Ref.random(rnd, k, m, rnd.nextBoolean());
                Matrix x = Ref.random(rnd, 3, k, true).row(1);
                Matrix y = Ref.random(rnd, 2, m, true).row(1);
                if (ab[1] == 0f) {
                    y.fill(Float.NaN);
                }
                Matrix y0 = y.copy();
                float[] before = y.array().clone();
                la.gemv(op, ab[0], a, x, ab[1], y);
                // y = alpha·op(A)·x + beta·y is the GEMM op(A) (m×k) · xᵀ (k×1) + beta·yᵀ.
                String err = Ref.gemmError(op, Op.T, ab[0], a, x, ab[1], y0.transpose(), y.transpose());
                assertThat(err).as("%s gemv %s m=%d k=%d", path, op, m, k).isNull();
                assertThat(Ref.outsideUnchanged(y, before)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void gerAddsTheScaledOuterProduct(KernelPath path) {
        Linalg la = linalg(path);
        SplittableRandom rnd = new SplittableRandom(22);
        for (int s = 1; s <= 70; s++) {
            int m = rnd.nextBoolean() ? s : 1 + rnd.nextInt(70);
            int n = m == s ? 1 + rnd.nextInt(70) : s;
            Matrix x = Ref.random(rnd, 1, m, true);
            Matrix y = Ref.random(rnd, 1, n, true);
            Matrix a = Ref.random(rnd, m, n, true);
            Matrix a0 = a.copy();
            float[] before = a.array().clone();
            float alpha = (float) (rnd.nextDouble() * 4 - 2);
            la.ger(alpha, x, y, a);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = a0.get(i, j) + (double) alpha * x.get(0, i) * y.get(0, j);
                    double tol = 3 * Ref.U * (Math.abs(a0.get(i, j)) + Math.abs((double) alpha * x.get(0, i) * y.get(0, j)));
                    assertThat((double) a.get(i, j)).as("%s ger A(%d,%d) of %dx%d", path, i, j, m, n).isCloseTo(ref, org.assertj.core.data.Offset.offset(tol + 1e-30));
                }
            }
            assertThat(Ref.outsideUnchanged(a, before)).isTrue();
        }
    }

    @Test
    void onlineLearningShapesMatchTheReference() {
        // Batch size 1 on a 784-1000 layer: the GEMV orientations and the rank-1 weight update.
        Linalg la = linalg(KernelPath.VECTOR);
        SplittableRandom rnd = new SplittableRandom(23);
        Matrix w = Ref.random(rnd, 1000, 784, false);
        Matrix x = Ref.random(rnd, 1, 784, false);
        Matrix h = Matrix.zeros(1, 1000);
        la.gemv(Op.N, 1f, w, x, 0f, h);
        assertThat(Ref.gemmError(Op.N, Op.T, 1f, w, x, 0f, h.transpose(), h.transpose())).isNull();
        Matrix back = Matrix.zeros(1, 784);
        la.gemv(Op.T, 1f, w, h, 0f, back);
        assertThat(Ref.gemmError(Op.T, Op.T, 1f, w, h, 0f, back.transpose(), back.transpose())).isNull();
    }

    @Test
    void shapeMismatchNamesTheShapes() {
        Linalg la = Linalg.defaults();
        assertThatThrownBy(() -> la.gemv(Op.N, 1f, Matrix.zeros(4, 5), Matrix.zeros(1, 4), 0f, Matrix.zeros(1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x5").hasMessageContaining("1x4");
        assertThatThrownBy(() -> la.ger(1f, Matrix.zeros(1, 3), Matrix.zeros(1, 5), Matrix.zeros(5, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x3").hasMessageContaining("5x3");
    }
}
