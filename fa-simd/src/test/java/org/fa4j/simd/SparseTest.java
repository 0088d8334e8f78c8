package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.fa4j.simd.internal.Tuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CsrMatrix} and the sparse products of {@link Linalg} against the float64 reference of {@link Ref}. */
class SparseTest {

    static Stream<KernelPath> paths() {
        return Stream.of(KernelPath.VECTOR, KernelPath.SCALAR);
    }

    private static Linalg linalg(KernelPath path, int threads) {
        return Linalg.newBuilder().path(path).threads(threads).build();
    }

    /** Runs op on a copy of start with each kernel path: {vector result, scalar result}. */
    private static Matrix[] onVectorAndScalar(Matrix start, BiConsumer<Linalg, Matrix> op) {
        Matrix v = start.copy();
        Matrix s = start.copy();
        op.accept(linalg(KernelPath.VECTOR, 1), v);
        op.accept(linalg(KernelPath.SCALAR, 1), s);
        return new Matrix[] {v, s};
    }

    private static final float[][] ALPHA_BETA = {{1f, 0f}, {1f, 1f}, {-0.75f, 0.5f}, {2f, 0f}, {0f, 0.5f}};
    private static final double[] DENSITIES = {0, 1, 0.2, 0.5};

    /** A {@code rows × cols} matrix (a view inside a larger array when {@code view}) with about {@code density} non-zeros. */
    private static Matrix sparseDense(SplittableRandom rnd, int rows, int cols, double density, boolean view) {
        Matrix m = Ref.random(rnd, rows, cols, view);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() >= density) {
                    m.set(i, j, rnd.nextBoolean() ? 0f : -0f);
                }
            }
        }
        return m;
    }

    private static void checkForward(Linalg la, SplittableRandom rnd, int m, int n, int k, double density, float alpha, float beta,
                                     boolean views) {
        Matrix ad = sparseDense(rnd, m, k, density, views);
        CsrMatrix a = CsrMatrix.zeros(m, k).copyFrom(ad);
        Matrix b = Ref.random(rnd, k, n, views);
        Matrix c = Ref.random(rnd, m, n, views);
        if (beta == 0f) {
            c.fill(Float.NaN);
        }
        Matrix c0 = c.copy();
        float[] before = c.array().clone();
        la.gemmSparse(alpha, a, b, beta, c);
        String what = String.format("%s gemmSparse m=%d n=%d k=%d density=%s alpha=%s beta=%s views=%s", la, m, n, k, density, alpha, beta, views);
        assertThat(Ref.gemmError(Op.N, Op.N, alpha, ad, b, beta, c0, c)).as(what).isNull();
        assertThat(Ref.outsideUnchanged(c, before)).as("outside C's view, " + what).isTrue();
    }

    /** Decays of the update: none, a weight decay's 1 − ηα, a strong one, and a restart from 0. */
    private static final float[] UPDATE_BETAS = {1f, 1f - 1.2e-6f, 0.5f, 0f};

    private static void checkUpdate(Linalg la, SplittableRandom rnd, int m, int n, int k, double density, float alpha, boolean views) {
        checkUpdate(la, rnd, m, n, k, density, alpha, UPDATE_BETAS[rnd.nextInt(UPDATE_BETAS.length)], views);
    }

    private static void checkUpdate(Linalg la, SplittableRandom rnd, int m, int n, int k, double density, float alpha, float beta,
                                    boolean views) {
        Matrix ad = sparseDense(rnd, m, k, density, views);
        CsrMatrix a = CsrMatrix.zeros(m, k).copyFrom(ad);
        Matrix d = Ref.random(rnd, m, n, views);
        Matrix w = Ref.random(rnd, k, n, views);
        if (beta == 0f) {
            w.fill(Float.NaN);
        }
        Matrix w0 = w.copy();
        float[] before = w.array().clone();
        if (beta == 1f && rnd.nextBoolean()) {
            la.gemmSparseTransA(alpha, a, d, w);
        } else {
            la.gemmSparseTransA(alpha, a, d, beta, w);
        }
        String what = String.format("%s gemmSparseTransA m=%d n=%d k=%d density=%s alpha=%s beta=%s views=%s", la, m, n, k, density,
                alpha, beta, views);
        assertThat(Ref.gemmError(Op.T, Op.N, alpha, ad, d, beta, w0, w)).as(what).isNull();
        assertThat(Ref.outsideUnchanged(w, before)).as("outside W's view, " + what).isTrue();
        for (int p = 0; p < k; p++) {
            boolean zeroColumn = true;
            for (int i = 0; i < m; i++) {
                zeroColumn &= ad.get(i, p) == 0f;
            }
            if (zeroColumn) {
                for (int j = 0; j < n; j++) {
                    float expected = beta == 1f ? w0.get(p, j) : beta == 0f ? 0f : beta * w0.get(p, j);
                    assertThat(Float.floatToRawIntBits(w.get(p, j))).as("row %d of W (zero input) is beta·W, %s", p, what)
                            .isEqualTo(Float.floatToRawIntBits(expected));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void everySizeFrom1To70InEachDimensionMatchesTheReference(KernelPath path) {
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(17);
        for (int s = 1; s <= 70; s++) {
            for (int dim = 0; dim < 3; dim++) {
                int m = dim == 0 ? s : 1 + rnd.nextInt(70);
                int n = dim == 1 ? s : 1 + rnd.nextInt(70);
                int k = dim == 2 ? s : 1 + rnd.nextInt(70);
                double density = DENSITIES[rnd.nextInt(DENSITIES.length)];
                float[] ab = ALPHA_BETA[rnd.nextInt(ALPHA_BETA.length)];
                checkForward(la, rnd, m, n, k, density, ab[0], ab[1], rnd.nextBoolean());
                checkUpdate(la, rnd, m, n, k, density, ab[0] == 0f ? 0.5f : ab[0], rnd.nextBoolean());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void wideOutputsWithBlocksVectorsAndTailsMatchTheReference(KernelPath path) {
        // n = 300: two 128-column blocks, 2 single vectors, a 12-column tail; m from the row-by-row (≤ 4) to the blocked loop.
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(23);
        for (int m : new int[] {1, 4, 5, 33}) {
            for (double density : DENSITIES) {
                for (float[] ab : ALPHA_BETA) {
                    checkForward(la, rnd, m, 300, 61, density, ab[0], ab[1], rnd.nextBoolean());
                }
                checkUpdate(la, rnd, m, 300, 61, density, -0.25f, rnd.nextBoolean());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void chunksOfBAndEveryKindOfRemainderMatchTheReference(KernelPath path) {
        // k around and past the forward's chunk of 64 rows of B (one, two and four chunks; a row with no entry in a
        // chunk); n past one 128-column block with remainders of 4, 2 and 1 vectors and a masked part in every mix.
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(29);
        for (int n : new int[] {135, 144, 176, 208, 240, 255, 256, 300}) {
            for (int k : new int[] {63, 64, 65, 200}) {
                for (int m : new int[] {5, 33}) {
                    double density = DENSITIES[rnd.nextInt(DENSITIES.length)];
                    float[] ab = ALPHA_BETA[rnd.nextInt(ALPHA_BETA.length)];
                    checkForward(la, rnd, m, n, k, density, ab[0], ab[1], rnd.nextBoolean());
                    checkUpdate(la, rnd, m, n, k, density, ab[0] == 0f ? 0.5f : ab[0], rnd.nextBoolean());
                }
            }
        }
    }

    @Test
    void bothPathsGiveTheSameBits() {
        // n = 291: two blocks, 2 vectors and a masked part; 250: 4, 2, 1 vectors and a masked part. k = 150: three
        // chunks of B in the forward. Every alpha/beta case (beta·C, C, 0 starts).
        SplittableRandom rnd = new SplittableRandom(5);
        for (int m : new int[] {1, 3, 7, 40}) {
            for (int n : new int[] {291, 250}) {
                for (float[] ab : ALPHA_BETA) {
                    CsrMatrix a = CsrMatrix.of(sparseDense(rnd, m, 150, 0.2, true));
                    Matrix b = Ref.random(rnd, 150, n, true);
                    Matrix c0 = Ref.random(rnd, m, n, false);
                    Matrix[] c = onVectorAndScalar(c0, (la, out) -> la.gemmSparse(ab[0], a, b, ab[1], out));
                    assertThat(c[0].contentEquals(c[1])).as("forward, m=%d n=%d alpha=%s beta=%s", m, n, ab[0], ab[1]).isTrue();
                }
                CsrMatrix a = CsrMatrix.of(sparseDense(rnd, m, 150, 0.2, true));
                Matrix b = Ref.random(rnd, 150, n, true);
                Matrix d = Ref.random(rnd, m, n, true);
                Matrix[] w = onVectorAndScalar(b, (la, out) -> la.gemmSparseTransA(0.1f, a, d, out));
                assertThat(w[0].contentEquals(w[1])).as("update, m=%d n=%d", m, n).isTrue();
                assertThat(w[0].contentEquals(b)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void oneAndTwoThreadsGiveTheSameBits(KernelPath path) {
        // Large enough to split (nonZeros · n ≥ 2^21): columns 0..511 and 512..999 on different threads.
        SplittableRandom rnd = new SplittableRandom(9);
        Matrix ad = sparseDense(rnd, 100, 784, 0.19, false);
        CsrMatrix a = CsrMatrix.of(ad);
        assertThat((long) a.nonZeros() * 1000).isGreaterThanOrEqualTo(Tuning.SPARSE_PARALLEL_MIN);
        Matrix w = Ref.random(rnd, 784, 1000, true);
        Matrix h1 = Matrix.zeros(100, 1000);
        Matrix h2 = Matrix.zeros(100, 1000);
        linalg(path, 1).gemmSparse(1f, a, w, 0f, h1);
        linalg(path, 2).gemmSparse(1f, a, w, 0f, h2);
        assertThat(h2.contentEquals(h1)).as("forward").isTrue();
        assertThat(Ref.gemmError(Op.N, Op.N, 1f, ad.rows(0, 3), w, 0f, h1.rows(0, 3), h1.rows(0, 3))).isNull();
        Matrix w1 = w.copy();
        Matrix w2 = w.copy();
        linalg(path, 1).gemmSparseTransA(1e-3f, a, h1, w1);
        linalg(path, 2).gemmSparseTransA(1e-3f, a, h1, w2);
        assertThat(w2.contentEquals(w1)).as("update").isTrue();
        assertThat(w1.contentEquals(w)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void aDecayedUpdateIsBitForBitTheScaleFollowedByTheUpdate(KernelPath path) {
        // The training step's weight decay folded into the sparse update: the same bits as scale(beta) then the update
        // with beta 1, for online (1 row), small and large batches (split between threads at 2), tails included.
        SplittableRandom rnd = new SplittableRandom(41);
        float beta = 1f - 1.2e-6f * 10;
        for (int m : new int[] {1, 10, 100}) {
            for (int n : new int[] {1000, 291}) {
                CsrMatrix a = CsrMatrix.of(sparseDense(rnd, m, 784, 0.19, false));
                Matrix d = Ref.random(rnd, m, n, true);
                Matrix w = Ref.random(rnd, 784, n, true);
                for (int threads : new int[] {1, 2}) {
                    Linalg la = linalg(path, threads);
                    Matrix twoPasses = w.copy();
                    la.scale(beta, twoPasses);
                    la.gemmSparseTransA(0.12f, a, d, twoPasses);
                    Matrix onePass = w.copy();
                    la.gemmSparseTransA(0.12f, a, d, beta, onePass);
                    assertThat(onePass.contentEquals(twoPasses)).as("m=%d n=%d threads=%d", m, n, threads).isTrue();
                    assertThat(onePass.contentEquals(w)).isFalse();
                }
            }
        }
    }

    @Test
    void refillingReplacesTheContentAndKeepsTheColumnIndexInStep() {
        SplittableRandom rnd = new SplittableRandom(2);
        CsrMatrix a = CsrMatrix.zeros(6, 9);
        Linalg la = linalg(KernelPath.VECTOR, 1);
        for (double density : new double[] {1, 0, 0.3, 0.7}) {
            Matrix ad = sparseDense(rnd, 6, 9, density, true);
            a.copyFrom(ad);
            Matrix back = Matrix.zeros(6, 9);
            a.copyTo(back);
            int nnz = 0;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 9; j++) {
                    float v = ad.get(i, j);
                    assertThat(back.get(i, j)).isEqualTo(v == 0f ? 0f : v);
                    assertThat(a.get(i, j)).isEqualTo(back.get(i, j));
                    nnz += v != 0f ? 1 : 0;
                }
            }
            assertThat(a.nonZeros()).isEqualTo(nnz);
            assertThat(a.density()).isEqualTo(nnz / 54.0);
            Matrix d = Ref.random(rnd, 6, 5, false);
            Matrix w = Ref.random(rnd, 9, 5, false);
            Matrix w0 = w.copy();
            la.gemmSparseTransA(1f, a, d, w);
            assertThat(Ref.gemmError(Op.T, Op.N, 1f, ad, d, 1f, w0, w)).as("density %s", density).isNull();
        }
    }

    @Test
    void compressingStoresEveryEntryThatIsNotZeroInRowOrder() {
        // Rows of whole vectors, vectors and a tail, and a view; -0 is dropped, NaN, infinities and the smallest
        // subnormal are kept. Checked entry by entry against a plain scan of the dense matrix.
        SplittableRandom rnd = new SplittableRandom(31);
        float[] special = {-0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE};
        for (int cols : new int[] {15, 16, 17, 33, 784}) {
            for (double density : new double[] {0, 0.05, 0.2, 0.9, 1}) {
                Matrix dense = sparseDense(rnd, 4, cols, density, cols == 33);
                for (int t = 0; t < 4; t++) {
                    dense.set(rnd.nextInt(4), rnd.nextInt(cols), special[rnd.nextInt(special.length)]);
                }
                CsrMatrix a = CsrMatrix.zeros(4, cols).copyFrom(dense);
                int k = 0;
                for (int i = 0; i < 4; i++) {
                    assertThat(a.rowStart[i]).as("start of row %d, cols %d", i, cols).isEqualTo(k);
                    for (int p = 0; p < cols; p++) {
                        float v = dense.get(i, p);
                        if (v != 0f) {
                            assertThat(a.colIdx[k]).as("column of entry %d, cols %d", k, cols).isEqualTo(p);
                            assertThat(Float.floatToRawIntBits(a.vals[k])).isEqualTo(Float.floatToRawIntBits(v));
                            k++;
                        }
                    }
                }
                assertThat(a.rowStart[4]).isEqualTo(k);
                assertThat(a.nonZeros()).isEqualTo(k);
            }
        }
    }

    @Test
    void nanAndInfinityAreStoredAndPropagate() {
        Matrix ad = Matrix.of(new float[][] {{0f, Float.NaN}, {Float.POSITIVE_INFINITY, 0f}});
        CsrMatrix a = CsrMatrix.of(ad);
        assertThat(a.nonZeros()).isEqualTo(2);
        Matrix c = Matrix.zeros(2, 3);
        Linalg.defaults().gemmSparse(1f, a, Matrix.of(new float[][] {{1f, 1f, 1f}, {1f, 1f, 1f}}), 0f, c);
        assertThat(c.get(0, 0)).isNaN();
        assertThat(c.get(1, 2)).isInfinite();
    }

    @Test
    void badShapesAndOverfullRefillsAreRejectedNamingBothShapes() {
        Linalg la = Linalg.defaults();
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        assertThatThrownBy(() -> la.gemmSparse(1f, a, Matrix.zeros(5, 6), 0f, Matrix.zeros(3, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x4").hasMessageContaining("5x6");
        assertThatThrownBy(() -> la.gemmSparse(1f, a, Matrix.zeros(4, 6), 0f, Matrix.zeros(2, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x4").hasMessageContaining("2x6");
        assertThatThrownBy(() -> la.gemmSparseTransA(1f, a, Matrix.zeros(3, 6), Matrix.zeros(5, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x4").hasMessageContaining("3x6")
                .hasMessageContaining("5x6");
        assertThatThrownBy(() -> a.copyFrom(Matrix.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x4").hasMessageContaining("4x3");
        CsrMatrix small = CsrMatrix.withCapacity(2, 2, 1).copyFrom(Matrix.of(new float[][] {{0f, 2f}, {0f, 0f}}));
        assertThatThrownBy(() -> small.copyFrom(Matrix.of(new float[][] {{1f, 2f}, {0f, 0f}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 non-zeros").hasMessageContaining("at most 1");
        assertThat(small.get(0, 1)).as("a rejected refill leaves the content unchanged").isEqualTo(2f);
        assertThat(small.nonZeros()).isEqualTo(1);
        assertThatThrownBy(() -> CsrMatrix.zeros(-1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1x2");
    }
}
