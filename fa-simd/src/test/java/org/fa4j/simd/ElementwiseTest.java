package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.fa4j.simd.internal.Tuning;
import org.fa4j.simd.internal.vector.VectorKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Element-wise kernels on both paths against float64 references, on every width 1..70 (vector bodies and tails), with
 * row views and strided outputs. Tolerances are the float rounding of each formula (u = 2^-24 per operation);
 * logistic and tanh allow the documented error of the vectorised exp/tanh (see {@link VectorKernels}).
 */
class ElementwiseTest {

    private static final double U = Ref.U;

    private interface Unary {
        void apply(Linalg la, Matrix in, Matrix out);
    }

    private interface Tol {
        double of(double ref);
    }

    private static void checkUnary(KernelPath path, String name, Unary f, DoubleUnaryOperator ref, Tol tol, double scale) {
        Linalg la = Linalg.newBuilder().path(path).threads(1).build();
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int cols = 1; cols <= 70; cols++) {
            int rows = 1 + rnd.nextInt(4);
            boolean views = cols % 2 == 0;
            Matrix in = Ref.random(rnd, rows, cols, views);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    in.set(i, j, (float) (in.get(i, j) * scale));
                }
            }
            Matrix keep = in.copy();
            boolean inPlace = cols % 3 == 0;
            Matrix out = inPlace ? in : Ref.random(rnd, rows, cols, !views);
            float[] before = out.array().clone();
            f.apply(la, in, out);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double r = ref.applyAsDouble(keep.get(i, j));
                    double err = Math.abs(out.get(i, j) - r);
                    assertThat(err).as("%s %s(%s) = %s, reference %s (%dx%d)", path, name, keep.get(i, j), out.get(i, j), r, rows, cols)
                            .isLessThanOrEqualTo(tol.of(r));
                }
            }
            assertThat(Ref.outsideUnchanged(out, before)).as("%s writes only inside its output", name).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void logisticMatchesTheReference(KernelPath path) {
        checkUnary(path, "logistic", Linalg::logistic, v -> 1 / (1 + Math.exp(-v)), r -> 8 * U * Math.abs(r) + 1e-40, 20);
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void tanhMatchesTheReference(KernelPath path) {
        checkUnary(path, "tanh", Linalg::tanh, Math::tanh, r -> 4 * U * Math.abs(r) + 1e-40, 5);
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void reluIsExact(KernelPath path) {
        checkUnary(path, "relu", Linalg::relu, v -> v > 0 ? v : 0, r -> 0, 1);
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void derivativesFromTheActivationMatchTheReference(KernelPath path) {
        checkUnary(path, "logisticDerivative", Linalg::logisticDerivative, y -> y * (1 - y), r -> 3 * U * Math.abs(r) + 1e-40, 1);
        checkUnary(path, "tanhDerivative", Linalg::tanhDerivative, y -> 1 - y * y, r -> 2 * U * (1 + Math.abs(r)), 1);
        checkUnary(path, "reluDerivative", Linalg::reluDerivative, y -> y > 0 ? 1 : 0, r -> 0, 1);
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void reluAndItsDerivativeSendNanAndNegativeZeroToZero(KernelPath path) {
        Linalg la = Linalg.newBuilder().path(path).build();
        Matrix m = Matrix.of(new float[][] {{Float.NaN, -0f, -1f, 2f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}});
        Matrix out = Matrix.zeros(1, 6);
        la.relu(m, out);
        assertThat(out.toArray()).containsExactly(0f, 0f, 0f, 2f, 0f, Float.POSITIVE_INFINITY);
        assertThat(Float.floatToRawIntBits(out.get(0, 1))).isZero();
        la.reluDerivative(m, out);
        assertThat(out.toArray()).containsExactly(0f, 0f, 0f, 1f, 0f, 1f);
    }

    private interface Binary {
        void apply(Linalg la, Matrix a, Matrix b, Matrix out);
    }

    private interface BinaryRef {
        double of(double a, double b);
    }

    private static void checkBinary(KernelPath path, String name, Binary f, BinaryRef ref, BinaryRef tol) {
        Linalg la = Linalg.newBuilder().path(path).threads(1).build();
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int cols = 1; cols <= 70; cols++) {
            int rows = 1 + rnd.nextInt(4);
            Matrix a = Ref.random(rnd, rows, cols, cols % 2 == 0);
            Matrix b = Ref.random(rnd, rows, cols, cols % 3 == 0);
            Matrix a0 = a.copy();
            Matrix b0 = b.copy();
            Matrix out = switch (cols % 4) {
                case 0 -> a;
                case 1 -> b;
                default -> Ref.random(rnd, rows, cols, cols % 5 < 3);
            };
            float[] before = out.array().clone();
            f.apply(la, a, b, out);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double r = ref.of(a0.get(i, j), b0.get(i, j));
                    assertThat(Math.abs(out.get(i, j) - r)).as("%s %s at (%d,%d) of %dx%d", path, name, i, j, rows, cols)
                            .isLessThanOrEqualTo(tol.of(a0.get(i, j), b0.get(i, j)));
                }
            }
            assertThat(Ref.outsideUnchanged(out, before)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void hadamardAndSubMatchTheReference(KernelPath path) {
        checkBinary(path, "hadamard", Linalg::hadamard, (x, y) -> x * y, (x, y) -> U * Math.abs(x * y));
        checkBinary(path, "sub", Linalg::sub, (x, y) -> x - y, (x, y) -> U * Math.abs(x - y));
        // axpy and scale: y += 0.7 x (one fma), x *= -1.5 (one rounding).
        checkBinary(path, "axpy", (la, x, y, out) -> {
            la.axpy(0.7f, x, y);
            if (out != y) {
                out.copyFrom(y);
            }
        }, (x, y) -> y + 0.7f * x, (x, y) -> U * (Math.abs(y + 0.7f * x)) + 1e-40);
        checkBinary(path, "scale", (la, x, y, out) -> {
            la.scale(-1.5f, x);
            if (out != x) {
                out.copyFrom(x);
            }
        }, (x, y) -> -1.5 * x, (x, y) -> U * Math.abs(1.5 * x));
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void rowVectorsColumnSumsArgmaxDotAndNormMatchTheReference(KernelPath path) {
        Linalg la = Linalg.newBuilder().path(path).threads(1).build();
        SplittableRandom rnd = new SplittableRandom(99);
        for (int cols = 1; cols <= 70; cols++) {
            int rows = 1 + rnd.nextInt(40);
            Matrix m = Ref.random(rnd, rows, cols, cols % 2 == 1);
            Matrix m0 = m.copy();
            Matrix row = Ref.random(rnd, 3, cols, true).row(2);

            Matrix sums = Ref.random(rnd, 2, cols, true).row(0);
            la.columnSums(m, sums);
            for (int j = 0; j < cols; j++) {
                double s = 0;
                double abs = 0;
                for (int i = 0; i < rows; i++) {
                    s += m0.get(i, j);
                    abs += Math.abs(m0.get(i, j));
                }
                assertThat(Math.abs(sums.get(0, j) - s)).as("%s columnSums col %d", path, j).isLessThanOrEqualTo(2 * (rows + 1) * U * abs);
            }

            // argmax with a planted tie: the first of the equal maxima wins.
            int[] arg = new int[rows + 2];
            Matrix t = m.copy();
            for (int i = 0; i < rows; i++) {
                if (cols > 2 && i % 2 == 0) {
                    t.set(i, cols - 1, 5f);
                    t.set(i, (i / 2) % (cols - 1), 5f);
                }
            }
            la.argmaxRows(t, arg);
            for (int i = 0; i < rows; i++) {
                int best = 0;
                for (int j = 1; j < cols; j++) {
                    if (t.get(i, j) > t.get(i, best)) {
                        best = j;
                    }
                }
                assertThat(arg[i]).as("%s argmax row %d", path, i).isEqualTo(best);
            }

            Matrix other = Ref.random(rnd, rows, cols, cols % 3 == 0);
            double d = 0;
            double dAbs = 0;
            double nn = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    d += (double) m0.get(i, j) * other.get(i, j);
                    dAbs += Math.abs((double) m0.get(i, j) * other.get(i, j));
                    nn += (double) m0.get(i, j) * m0.get(i, j);
                }
            }
            int len = rows * cols;
            assertThat(Math.abs(la.dot(m, other) - d)).as("%s dot", path).isLessThanOrEqualTo(2 * (len + 2) * U * dAbs);
            assertThat(Math.abs(la.squaredNorm(m) - nn)).as("%s squaredNorm", path).isLessThanOrEqualTo(2 * (len + 2) * U * nn);

            float[] before = m.array().clone();
            la.addRowVector(m, row);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double r = (double) m0.get(i, j) + row.get(0, j);
                    assertThat(Math.abs(m.get(i, j) - r)).isLessThanOrEqualTo(U * Math.abs(r));
                }
            }
            assertThat(Ref.outsideUnchanged(m, before)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void argmaxSkipsNanAfterTheFirstElementLikeAScan(KernelPath path) {
        Linalg la = Linalg.newBuilder().path(path).build();
        float[][] rows = new float[3][40];
        rows[0][7] = Float.NaN;
        rows[0][30] = 2f;
        rows[1][0] = Float.NaN;
        rows[1][5] = 3f;
        rows[2][39] = 1f;
        int[] out = new int[3];
        la.argmaxRows(Matrix.of(rows), out);
        assertThat(out).containsExactly(30, 0, 39);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Linalg la = Linalg.defaults();
        assertThatThrownBy(() -> la.hadamard(Matrix.zeros(2, 3), Matrix.zeros(3, 2), Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3").hasMessageContaining("3x2");
        assertThatThrownBy(() -> la.logistic(Matrix.zeros(2, 3), Matrix.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3").hasMessageContaining("2x4");
        assertThatThrownBy(() -> la.addRowVector(Matrix.zeros(4, 3), Matrix.zeros(1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x3").hasMessageContaining("1x4");
        assertThatThrownBy(() -> la.columnSums(Matrix.zeros(4, 3), Matrix.zeros(1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x3").hasMessageContaining("1x4");
    }

    @Test
    void largeMatricesSplitBetweenThreadsGiveTheOneThreadBits() {
        // 120 × 1000 (and a view of it) is past the threshold where Linalg splits columns between threads; each
        // operation must give the bits of one thread, and write only inside its output.
        SplittableRandom rnd = new SplittableRandom(41);
        Linalg one = Linalg.newBuilder().path(KernelPath.VECTOR).threads(1).build();
        Linalg two = Linalg.newBuilder().path(KernelPath.VECTOR).threads(2).build();
        assertThat(120L * 1000).isGreaterThanOrEqualTo(Tuning.ELEMENTWISE_PARALLEL_MIN);
        Unary[] ops = {Linalg::logistic, Linalg::tanh, Linalg::relu, Linalg::logisticDerivative, Linalg::tanhDerivative,
                Linalg::reluDerivative, (la, in, out) -> la.hadamard(in, out, out), (la, in, out) -> la.sub(in, out, out),
                (la, in, out) -> la.addRowVector(out, in.rows(0, 1)), (la, in, out) -> la.timesDerivative(Linalg.Derivative.LOGISTIC, in, out),
                (la, in, out) -> la.timesDerivative(Linalg.Derivative.TANH, in, out),
                (la, in, out) -> la.timesDerivative(Linalg.Derivative.RELU, in, out)};
        for (boolean views : new boolean[] {false, true}) {
            for (int o = 0; o < ops.length; o++) {
                Matrix in = Ref.random(rnd, 120, 1000, views);
                Matrix out0 = Ref.random(rnd, 120, 1000, views);
                Matrix out1 = out0.copy();
                Matrix out2 = Ref.random(rnd, 120, 1000, views);
                out2.copyFrom(out0);
                float[] before = out2.array().clone();
                ops[o].apply(one, in, out1);
                ops[o].apply(two, in, out2);
                assertThat(out2.contentEquals(out1)).as("operation %d, views %s", o, views).isTrue();
                assertThat(out1.contentEquals(out0)).as("operation %d changed its output", o).isFalse();
                assertThat(Ref.outsideUnchanged(out2, before)).as("operation %d writes only inside its output", o).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPath.class)
    void timesDerivativeHasTheBitsOfTheDerivativeThenHadamard(KernelPath path) {
        // Independent of the fused code: the derivative kernel into a buffer, then the Hadamard product, on every
        // width 1..70 (vector bodies and tails), views, and in place (delta is the activation).
        Linalg la = Linalg.newBuilder().path(path).threads(1).build();
        SplittableRandom rnd = new SplittableRandom(43);
        for (Linalg.Derivative f : Linalg.Derivative.values()) {
            for (int cols = 1; cols <= 70; cols++) {
                int rows = 1 + rnd.nextInt(4);
                Matrix y = Ref.random(rnd, rows, cols, cols % 2 == 0);
                Matrix delta = Ref.random(rnd, rows, cols, cols % 3 == 0);
                Matrix d = Matrix.zeros(rows, cols);
                switch (f) {
                    case LOGISTIC -> la.logisticDerivative(y, d);
                    case TANH -> la.tanhDerivative(y, d);
                    case RELU -> la.reluDerivative(y, d);
                }
                Matrix expected = Matrix.zeros(rows, cols);
                la.hadamard(delta, d, expected);
                float[] before = delta.array().clone();
                la.timesDerivative(f, y, delta);
                assertThat(delta.contentEquals(expected)).as("%s %s %dx%d", path, f, rows, cols).isTrue();
                assertThat(Ref.outsideUnchanged(delta, before)).as("writes only inside delta").isTrue();
                Matrix self = y.copy();
                Matrix selfExpected = Matrix.zeros(rows, cols);
                la.hadamard(y, d, selfExpected);
                la.timesDerivative(f, self, self);
                assertThat(self.contentEquals(selfExpected)).as("%s %s in place, %dx%d", path, f, rows, cols).isTrue();
            }
        }
        assertThatThrownBy(() -> la.timesDerivative(Linalg.Derivative.TANH, Matrix.zeros(2, 3), Matrix.zeros(3, 2)))
                .hasMessageContaining("2x3").hasMessageContaining("3x2");
    }
}
