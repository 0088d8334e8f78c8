package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fa4j.simd.internal.Tuning;
import org.fa4j.simd.internal.vector.VectorGemm;
import org.fa4j.simd.internal.vector.VectorKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GEMM on both kernel paths against the float64 reference of {@link Ref}. */
class GemmTest {

    static Stream<KernelPath> paths() {
        return Stream.of(KernelPath.VECTOR, KernelPath.SCALAR);
    }

    private static Linalg linalg(KernelPath path, int threads) {
        return Linalg.newBuilder().path(path).threads(threads).build();
    }

    private static final float[][] ALPHA_BETA = {{1f, 0f}, {1f, 1f}, {-0.75f, 0.5f}, {2f, 0f}, {0f, 0.5f}, {0f, 0f}};

    /** Runs one case; C starts as NaN when beta is 0 (the old contents must be ignored). */
    private static void check(Linalg la, SplittableRandom rnd, Op opA, Op opB, int m, int n, int k, float alpha, float beta,
                              boolean views) {
        Matrix a = opA == Op.N ? Ref.random(rnd, m, k, views) : Ref.random(rnd, k, m, views);
        Matrix b = opB == Op.N ? Ref.random(rnd, k, n, views) : Ref.random(rnd, n, k, views);
        Matrix c = Ref.random(rnd, m, n, views);
        if (beta == 0f) {
            c.fill(Float.NaN);
        }
        Matrix c0 = c.copy();
        float[] before = c.array().clone();
        la.gemm(opA, opB, alpha, a, b, beta, c);
        String err = Ref.gemmError(opA, opB, alpha, a, b, beta, c0, c);
        assertThat(err).as("%s %s%s m=%d n=%d k=%d alpha=%s beta=%s views=%s", la, opA, opB, m, n, k, alpha, beta, views).isNull();
        assertThat(Ref.outsideUnchanged(c, before)).as("elements outside C's view are untouched").isTrue();
    }

    @ParameterizedTest
    @MethodSource("paths")
    void everySizeFrom1To70InEachDimensionMatchesTheReference(KernelPath path) {
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(42);
        for (int s = 1; s <= 70; s++) {
            for (int dim = 0; dim < 3; dim++) {
                int m = dim == 0 ? s : 1 + rnd.nextInt(70);
                int n = dim == 1 ? s : 1 + rnd.nextInt(70);
                int k = dim == 2 ? s : 1 + rnd.nextInt(70);
                Op opA = rnd.nextBoolean() ? Op.N : Op.T;
                Op opB = rnd.nextBoolean() ? Op.N : Op.T;
                float[] ab = ALPHA_BETA[rnd.nextInt(ALPHA_BETA.length)];
                check(la, rnd, opA, opB, m, n, k, ab[0], ab[1], rnd.nextBoolean());
            }
        }
    }

    static Stream<Arguments> transposeCases() {
        List<Arguments> out = new ArrayList<>();
        for (KernelPath p : KernelPath.values()) {
            for (Op a : Op.values()) {
                for (Op b : Op.values()) {
                    out.add(Arguments.of(p, a, b));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("transposeCases")
    void everyTransposeAndAlphaBetaCaseMatchesTheReference(KernelPath path, Op opA, Op opB) {
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(7 + opA.ordinal() * 2 + opB.ordinal());
        int[][] shapes = {{1, 1, 1}, {1, 37, 19}, {29, 1, 33}, {1, 1, 70}, {8, 48, 5}, {9, 49, 17}, {17, 95, 64}, {33, 20, 1}};
        for (int[] s : shapes) {
            for (float[] ab : ALPHA_BETA) {
                check(la, rnd, opA, opB, s[0], s[1], s[2], ab[0], ab[1], false);
                check(la, rnd, opA, opB, s[0], s[1], s[2], ab[0], ab[1], true);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("transposeCases")
    void shapesSpanningSeveralCacheBlocksMatchTheReference(KernelPath path, Op opA, Op opB) {
        // k > 256 gives several k blocks, m > 144 several row blocks, n > 1536 several column blocks.
        Linalg la = linalg(path, 1);
        SplittableRandom rnd = new SplittableRandom(11);
        check(la, rnd, opA, opB, 151, 53, 531, 1f, 0f, true);
        check(la, rnd, opA, opB, 13, 1601, 37, -0.5f, 1f, false);
    }

    /**
     * An element's bits do not depend on where its micro-tile lies: the product of a sub-block (A without its first 3
     * rows, B without its first column) equals the matching block of the whole product bit for bit, although the
     * shift turns full tiles into ragged ones (full tiles write C inside the micro-kernel, ragged ones through the tile
     * buffer; the whole product's last 3 rows run the 4-row kernel and its last 8 columns the one-vector kernel, or,
     * with 320 columns, its last 32 the two-vector kernel; the sub-product computes some of them in full tiles). Covers
     * modes SET (beta 0), BETA and ADD (k spans several k blocks).
     */
    @ParameterizedTest
    @MethodSource("paths")
    void fullAndRaggedTilesRoundEveryElementTheSameWay(KernelPath path) {
        SplittableRandom rnd = new SplittableRandom(11);
        Linalg la = linalg(path, 1);
        int m = 43;
        int k = 600;
        for (int n : new int[] {3 * 97 + 5, 6 * 48 + 32}) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    Matrix a = opA == Op.N ? Ref.random(rnd, m, k, false) : Ref.random(rnd, k, m, false);
                    Matrix b = opB == Op.N ? Ref.random(rnd, k, n, false) : Ref.random(rnd, n, k, false);
                    Matrix aSub = opA == Op.N ? a.rows(3, m) : a.cols(3, m);
                    Matrix bSub = opB == Op.N ? b.cols(1, n) : b.rows(1, n);
                    Matrix c0 = Ref.random(rnd, m, n, false);
                    for (float beta : new float[] {0f, 0.5f, 1f}) {
                        Matrix whole = c0.copy();
                        la.gemm(opA, opB, 0.75f, a, b, beta, whole);
                        Matrix part = c0.rows(3, m).cols(1, n).copy();
                        la.gemm(opA, opB, 0.75f, aSub, bSub, beta, part);
                        assertThat(part.contentEquals(whole.rows(3, m).cols(1, n).copy()))
                                .as("%s%s n=%d beta=%s: the shifted sub-product equals the whole product's block", opA, opB, n, beta)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void narrowProductsHaveThePackedPathsBits() {
        // C of at most one vector of columns with B untransposed skips packing (VectorGemm.narrow); each element must
        // come out as the packed path computes it: same k blocks (k = 1000: five), chains and final roundings, for
        // whole 8-row blocks and the rows after them, every alpha/beta case, on views.
        SplittableRandom rnd = new SplittableRandom(37);
        int l = VectorGemm.L;
        for (int n : new int[] {1, 5, 10, l}) {
            for (int[] mk : new int[][] {{1, 7}, {7, 100}, {8, 209}, {100, 1000}, {1000, 100}, {13, 416}}) {
                for (Op opA : Op.values()) {
                    int m = mk[0];
                    int k = mk[1];
                    Matrix a = opA == Op.N ? Ref.random(rnd, m, k, true) : Ref.random(rnd, k, m, true);
                    Matrix b = Ref.random(rnd, k, n, true);
                    float[] ab = ALPHA_BETA[rnd.nextInt(ALPHA_BETA.length - 2)];
                    Matrix c0 = Ref.random(rnd, m, n, true);
                    Matrix narrow = c0.copy();
                    Matrix packed = c0.copy();
                    VectorGemm.gemm(opA, Op.N, ab[0], a, b, ab[1], narrow, 0, m, 0, n, null);
                    VectorGemm.packed(opA, Op.N, ab[0], a, b, ab[1], packed, 0, m, 0, n, null);
                    String what = String.format("%sN m=%d n=%d k=%d alpha=%s beta=%s", opA, m, n, k, ab[0], ab[1]);
                    assertThat(narrow.contentEquals(packed)).as(what).isTrue();
                    assertThat(Ref.gemmError(opA, Op.N, ab[0], a, b, ab[1], c0, narrow)).as(what).isNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void resultsAreBitIdenticalAtOneTwoAndThreeThreads(KernelPath path) {
        SplittableRandom rnd = new SplittableRandom(3);
        // {333, 400, 450}: split by columns with op(A) packed once for all threads, in 3 row blocks (the last ragged)
        // times 3 k blocks.
        int[][] shapes = {{100, 1000, 78}, {301, 47, 290}, {130, 131, 513}, {2, 900, 300}, {100, 10, 1000}, {1000, 10, 100},
            {333, 400, 450}};
        for (int[] s : shapes) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    Matrix a = opA == Op.N ? Ref.random(rnd, s[0], s[2], false) : Ref.random(rnd, s[2], s[0], false);
                    Matrix b = opB == Op.N ? Ref.random(rnd, s[2], s[1], true) : Ref.random(rnd, s[1], s[2], true);
                    Matrix c0 = Ref.random(rnd, s[0], s[1], false);
                    Matrix[] out = new Matrix[3];
                    for (int t = 1; t <= 3; t++) {
                        Linalg la = linalg(path, t);
                        if (t > 1) {
                            assertThat(la.gemmParts(s[0], s[1], s[2])).as("the product is split between threads").isGreaterThan(1);
                        }
                        out[t - 1] = c0.copy();
                        la.gemm(opA, opB, 0.5f, a, b, 0.25f, out[t - 1]);
                    }
                    assertThat(out[1].contentEquals(out[0])).as("2 threads == 1 thread, %s%s %s", opA, opB, java.util.Arrays.toString(s)).isTrue();
                    assertThat(out[2].contentEquals(out[0])).as("3 threads == 1 thread, %s%s %s", opA, opB, java.util.Arrays.toString(s)).isTrue();
                }
            }
        }
    }

    /**
     * op(A) packed whole for all threads ({@link VectorGemm#packShared}, the pieces in any order) gives every block of
     * columns the bits of packing A per block: every transpose case, several row blocks with a ragged last one, several
     * k blocks with a shorter last one, a view of A, and column ranges that start and end inside a micro-tile panel.
     */
    @Test
    void sharedPackedAGivesTheBitsOfPackingPerBlock() {
        SplittableRandom rnd = new SplittableRandom(17);
        int[][] shapes = {{333, 200, 450}, {8, 100, 209}, {145, 61, 1000}, {3, 50, 17}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    Matrix a = opA == Op.N ? Ref.random(rnd, m, k, true) : Ref.random(rnd, k, m, true);
                    Matrix b = opB == Op.N ? Ref.random(rnd, k, n, false) : Ref.random(rnd, n, k, false);
                    float[] shared = new float[(int) VectorGemm.sharedSize(m, k)];
                    java.util.Arrays.fill(shared, Float.NaN);
                    int pieces = VectorGemm.sharedPieces(m, k);
                    for (int piece = pieces - 1; piece >= 0; piece--) {
                        VectorGemm.packShared(opA, a, m, k, piece, piece + 1, shared);
                    }
                    Matrix c0 = Ref.random(rnd, m, n, false);
                    for (int[] cols : new int[][] {{0, n}, {5, n - 7}, {n / 2, n}}) {
                        Matrix own = c0.copy();
                        Matrix withShared = c0.copy();
                        VectorGemm.packed(opA, opB, 0.5f, a, b, 0.25f, own, 0, m, cols[0], cols[1], null);
                        VectorGemm.packed(opA, opB, 0.5f, a, b, 0.25f, withShared, 0, m, cols[0], cols[1], shared);
                        assertThat(withShared.contentEquals(own)).as("%s%s %s columns %s", opA, opB, java.util.Arrays.toString(s),
                                java.util.Arrays.toString(cols)).isTrue();
                        if (cols[0] == 0 && cols[1] == n) {
                            assertThat(Ref.gemmError(opA, opB, 0.5f, a, b, 0.25f, c0, withShared)).isNull();
                        }
                    }
                }
            }
        }
    }

    /**
     * A product of at most one row block packs B panel by panel, just before each panel is used; a taller one packs
     * B's whole block first. Both give every element the same bits: the first 100 rows of a 200-row product (two row
     * blocks) against the product of those 100 rows alone, every transpose case and mode (k spans five k blocks).
     */
    @Test
    void packingBPanelByPanelGivesTheBitsOfPackingTheBlock() {
        SplittableRandom rnd = new SplittableRandom(23);
        int m = 200;
        int n = 111;
        int k = 1000;
        Linalg la = linalg(KernelPath.VECTOR, 1);
        for (Op opA : Op.values()) {
            for (Op opB : Op.values()) {
                Matrix a = opA == Op.N ? Ref.random(rnd, m, k, false) : Ref.random(rnd, k, m, false);
                Matrix b = opB == Op.N ? Ref.random(rnd, k, n, true) : Ref.random(rnd, n, k, true);
                Matrix aTop = opA == Op.N ? a.rows(0, 100) : a.cols(0, 100);
                Matrix c0 = Ref.random(rnd, m, n, false);
                for (float beta : new float[] {0f, 0.5f}) {
                    Matrix whole = c0.copy();
                    la.gemm(opA, opB, 0.75f, a, b, beta, whole);
                    Matrix top = c0.rows(0, 100).copy();
                    la.gemm(opA, opB, 0.75f, aTop, b, beta, top);
                    assertThat(top.contentEquals(whole.rows(0, 100).copy())).as("%s%s beta=%s", opA, opB, beta).isTrue();
                    assertThat(Ref.gemmError(opA, opB, 0.75f, aTop, b, beta, c0.rows(0, 100), top)).isNull();
                }
            }
        }
    }

    /**
     * Above {@link VectorGemm#ROWS_OUTER_ABOVE} elements of C the macro-kernel runs row panels outermost (in groups of
     * {@link VectorGemm#rowGroup} panels), up to it column panels; each element keeps its bits: a 740×700 product (rows
     * outer; ragged row block, row panel, column panel and group) against its top and bottom 370 rows computed alone
     * (columns outer), every transpose case and mode, and rows of the whole against the float64 reference. k 450 spans
     * three k blocks of 150 (groups of 5 panels); with k 40 a group (20 panels) holds a whole row block.
     */
    @ParameterizedTest(name = "k {0}")
    @CsvSource({"450, false", "40, true"})
    void rowPanelsOuterGiveTheBitsOfColumnPanelsOuter(int k, boolean groupHoldsRowBlock) {
        SplittableRandom rnd = new SplittableRandom(37);
        int m = 740;
        int n = 700;
        int groupRows = VectorGemm.rowGroup(VectorGemm.kBlock(k)) * VectorGemm.MR;
        assertThat(groupRows >= VectorGemm.MC).as("group of %d rows, row block of %d", groupRows, VectorGemm.MC)
                .isEqualTo(groupHoldsRowBlock);
        assertThat((long) m * n).isGreaterThan(VectorGemm.ROWS_OUTER_ABOVE);
        assertThat((long) m / 2 * n).isLessThanOrEqualTo(VectorGemm.ROWS_OUTER_ABOVE);
        Linalg la = linalg(KernelPath.VECTOR, 1);
        for (Op opA : Op.values()) {
            for (Op opB : Op.values()) {
                Matrix a = opA == Op.N ? Ref.random(rnd, m, k, false) : Ref.random(rnd, k, m, false);
                Matrix b = opB == Op.N ? Ref.random(rnd, k, n, true) : Ref.random(rnd, n, k, true);
                Matrix c0 = Ref.random(rnd, m, n, false);
                for (float beta : new float[] {0f, 0.5f}) {
                    Matrix whole = c0.copy();
                    la.gemm(opA, opB, -1.25f, a, b, beta, whole);
                    for (int i0 : new int[] {0, m / 2}) {
                        Matrix aHalf = opA == Op.N ? a.rows(i0, i0 + m / 2) : a.cols(i0, i0 + m / 2);
                        Matrix half = c0.rows(i0, i0 + m / 2).copy();
                        la.gemm(opA, opB, -1.25f, aHalf, b, beta, half);
                        assertThat(half.contentEquals(whole.rows(i0, i0 + m / 2).copy()))
                                .as("%s%s beta=%s rows from %d", opA, opB, beta, i0).isTrue();
                    }
                    Matrix aLast = opA == Op.N ? a.rows(m - 12, m) : a.cols(m - 12, m);
                    assertThat(Ref.gemmError(opA, opB, -1.25f, aLast, b, beta, c0.rows(m - 12, m), whole.rows(m - 12, m)))
                            .as("%s%s beta=%s", opA, opB, beta).isNull();
                }
            }
        }
    }

    /**
     * An op(A) shared between threads in more pieces than the pool has claim bits (69 pieces: 3 row blocks times 23 k
     * blocks, in 64 units) has the one-thread bits, for both layouts of A.
     */
    @Test
    void aSharedInMorePiecesThanUnitsHasTheOneThreadBits() {
        SplittableRandom rnd = new SplittableRandom(31);
        int m = 300;
        int k = 4600;
        int n = 700;
        assertThat(VectorGemm.sharedPieces(m, k)).isGreaterThan(Tuning.MAX_PARTS);
        assertThat(VectorGemm.sharedSize(m, k)).isLessThanOrEqualTo(Tuning.SHARED_A_MAX);
        for (Op opA : Op.values()) {
            Matrix a = opA == Op.N ? Ref.random(rnd, m, k, false) : Ref.random(rnd, k, m, false);
            twoThreadsGiveTheOneThreadBits(opA, a, Ref.random(rnd, k, n, false));
        }
    }

    /**
     * op(A)·B on one thread and on two (split by columns, so op(A) is packed once for both or, when too large, by
     * each; checked), compared bit for bit; returns the result.
     */
    private static Matrix twoThreadsGiveTheOneThreadBits(Op opA, Matrix a, Matrix b) {
        int m = opA == Op.N ? a.rows() : a.cols();
        int n = b.cols();
        Matrix one = Matrix.zeros(m, n);
        Matrix two = Matrix.zeros(m, n);
        linalg(KernelPath.VECTOR, 1).gemm(opA, Op.N, 1f, a, b, 0f, one);
        Linalg la = linalg(KernelPath.VECTOR, 2);
        assertThat(la.gemmParts(m, n, b.rows())).isEqualTo(2);
        assertThat(VectorKernels.INSTANCE.gemmSplitByColumns(m, n, 2)).as("split by columns").isTrue();
        la.gemm(opA, Op.N, 1f, a, b, 0f, two);
        assertThat(two.contentEquals(one)).as("%sN %dx%dx%d", opA, m, n, b.rows()).isTrue();
        return one;
    }

    /**
     * A C at most twice as wide as tall, with a row block for every thread, is split by rows (each thread packs all of
     * op(B)); the same bits as one thread, every transpose case, the split falling inside a row block.
     */
    @Test
    void aSquareishProductSplitByRowsHasTheOneThreadBits() {
        SplittableRandom rnd = new SplittableRandom(41);
        int m = 620;
        int n = 1000;
        int k = 450;
        assertThat(VectorKernels.INSTANCE.gemmSplitByColumns(m, n, 2)).as("620×1000 split by rows").isFalse();
        assertThat(VectorKernels.INSTANCE.gemmSplitByColumns(100, n, 2)).as("a batch of 100 rows").isTrue();
        assertThat(VectorKernels.INSTANCE.gemmSplitByColumns(m, 2 * m + 1, 2)).as("more than twice as wide").isTrue();
        for (Op opA : Op.values()) {
            for (Op opB : Op.values()) {
                Matrix a = opA == Op.N ? Ref.random(rnd, m, k, false) : Ref.random(rnd, k, m, false);
                Matrix b = opB == Op.N ? Ref.random(rnd, k, n, true) : Ref.random(rnd, n, k, true);
                Matrix one = Ref.random(rnd, m, n, false);
                Matrix two = one.copy();
                linalg(KernelPath.VECTOR, 1).gemm(opA, opB, 0.5f, a, b, -1f, one);
                Linalg la = linalg(KernelPath.VECTOR, 2);
                assertThat(la.gemmParts(m, n, k)).isEqualTo(2);
                la.gemm(opA, opB, 0.5f, a, b, -1f, two);
                assertThat(two.contentEquals(one)).as("%s%s", opA, opB).isTrue();
            }
        }
    }

    /** An op(A) above {@link Tuning#SHARED_A_MAX} is packed by each thread for itself: the same bits as one thread. */
    @Test
    void aTooLargeToShareIsPackedPerThreadWithTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(29);
        int m = 280;
        int k = 15000;
        int n = 600;
        assertThat(VectorGemm.sharedSize(m, k)).isGreaterThan(Tuning.SHARED_A_MAX);
        Matrix a = Ref.random(rnd, m, k, false);
        Matrix b = Ref.random(rnd, k, n, false);
        Matrix one = twoThreadsGiveTheOneThreadBits(Op.N, a, b);
        assertThat(Ref.gemmError(Op.N, Op.N, 1f, a.rows(m - 10, m), b, 0f, one.rows(m - 10, m), one.rows(m - 10, m))).isNull();
    }

    @Test
    void concurrentCallersSharingThePoolGetTheSingleThreadResult() throws Exception {
        // Two callers race for the shared pool; the one that finds it busy computes its blocks alone.
        SplittableRandom rnd = new SplittableRandom(8);
        Matrix a = Ref.random(rnd, 120, 300, false);
        Matrix b = Ref.random(rnd, 300, 200, false);
        Matrix expected = Matrix.zeros(120, 200);
        linalg(KernelPath.VECTOR, 1).mult(a, b, expected);
        Linalg la = linalg(KernelPath.VECTOR, 2);
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        Runnable caller = () -> {
            Matrix c = Matrix.zeros(120, 200);
            for (int r = 0; r < 40; r++) {
                c.fill(Float.NaN);
                la.mult(a, b, c);
                if (!c.contentEquals(expected)) {
                    mismatches.incrementAndGet();
                }
            }
        };
        Thread t1 = new Thread(caller);
        Thread t2 = new Thread(caller);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertThat(mismatches.get()).isZero();
    }

    @Test
    void vectorGemmOfTheTrainingShapesMatchesTheReference() {
        // The forward, backward and gradient products of a 784-1000 layer at batch 100, checked on a sample of rows.
        Linalg la = linalg(KernelPath.VECTOR, 2);
        SplittableRandom rnd = new SplittableRandom(5);
        Matrix x = Ref.random(rnd, 100, 784, false);
        Matrix w = Ref.random(rnd, 784, 1000, false);
        Matrix h = Matrix.zeros(100, 1000);
        la.mult(x, w, h);
        assertThat(Ref.gemmError(Op.N, Op.N, 1f, x.rows(0, 100), w, 0f, h, h)).isNull();
        Matrix dx = Matrix.zeros(100, 784);
        la.multTransB(h, w, dx);
        assertThat(Ref.gemmError(Op.N, Op.T, 1f, h.rows(90, 100), w, 0f, dx.rows(90, 100), dx.rows(90, 100))).isNull();
        Matrix gw = Matrix.zeros(784, 1000);
        la.multTransA(x, h, gw);
        assertThat(Ref.gemmError(Op.T, Op.N, 1f, x.cols(700, 784), h, 0f, gw.rows(700, 784), gw.rows(700, 784))).isNull();
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Linalg la = Linalg.defaults();
        assertThatThrownBy(() -> la.mult(Matrix.zeros(3, 4), Matrix.zeros(5, 6), Matrix.zeros(3, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4").hasMessageContaining("5x6");
        assertThatThrownBy(() -> la.multTransA(Matrix.zeros(3, 4), Matrix.zeros(3, 6), Matrix.zeros(4, 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4").hasMessageContaining("3x6").hasMessageContaining("4x7");
    }
}
