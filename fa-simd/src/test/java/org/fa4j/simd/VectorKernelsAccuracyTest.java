package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.incubator.vector.FloatVector;
import org.fa4j.simd.internal.vector.VectorKernels;
import org.fa4j.simd.internal.vector.VectorMath;
import org.junit.jupiter.api.Test;

/**
 * Measures the error of the vectorised exp, logistic and tanh ({@link VectorMath}) against {@code Math} in double
 * precision, in float ulps of the exact result, over a dense grid of [-30, 30] and the special values. The bounds
 * asserted here are the ones stated in the Javadoc of {@link VectorMath}.
 */
class VectorKernelsAccuracyTest {

    private static final int N = 1 << 20;

    private static double maxUlp(boolean tanh, float[] in) {
        Linalg la = Linalg.newBuilder().path(KernelPath.VECTOR).threads(1).build();
        Matrix x = Matrix.wrap(1, in.length, in);
        Matrix y = Matrix.zeros(1, in.length);
        if (tanh) {
            la.tanh(x, y);
        } else {
            la.logistic(x, y);
        }
        double worst = 0;
        for (int i = 0; i < in.length; i++) {
            double exact = tanh ? Math.tanh(in[i]) : 1 / (1 + Math.exp(-(double) in[i]));
            worst = Math.max(worst, ulps(y.get(0, i), exact));
        }
        return worst;
    }

    private static double ulps(float got, double exact) {
        return Math.abs(got - exact) / Math.ulp((float) exact);
    }

    private static float[] grid() {
        float[] in = new float[N + 6];
        for (int i = 0; i < N; i++) {
            in[i] = -30f + 60f * i / (N - 1);
        }
        in[N] = 0f;
        in[N + 1] = -0f;
        in[N + 2] = 1e-30f;
        in[N + 3] = -1e-30f;
        in[N + 4] = 88f;
        in[N + 5] = -88f;
        return in;
    }

    @Test
    void vectorExpIsWithinTwoUlpsDownToTheSmallestNormals() {
        int l = VectorKernels.SPECIES.length();
        float[] in = new float[N];
        for (int i = 0; i < N; i++) {
            in[i] = -87f + 87f * i / (N - 1);
        }
        float[] out = new float[N];
        for (int j = 0; j < N; j += l) {
            VectorMath.exp(FloatVector.fromArray(VectorKernels.SPECIES, in, j)).intoArray(out, j);
        }
        double worst = 0;
        for (int i = 0; i < N; i++) {
            worst = Math.max(worst, ulps(out[i], Math.exp(in[i])));
        }
        System.out.printf("vector exp: max error %.3f ulp over [-87, 0]%n", worst);
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void vectorTanhIsWithinFourUlps() {
        double ulps = maxUlp(true, grid());
        System.out.printf("vector tanh: max error %.3f ulp over [-30, 30]%n", ulps);
        assertThat(ulps).isLessThanOrEqualTo(4.0);
    }

    @Test
    void vectorLogisticIsWithinFourUlps() {
        double ulps = maxUlp(false, grid());
        System.out.printf("vector logistic: max error %.3f ulp over [-30, 30]%n", ulps);
        assertThat(ulps).isLessThanOrEqualTo(4.0);
    }

    @Test
    void specialValuesSaturate() {
        Linalg la = Linalg.newBuilder().path(KernelPath.VECTOR).threads(1).build();
        Matrix x = Matrix.of(new float[][] {{Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -200f, 200f}});
        Matrix y = Matrix.zeros(1, 4);
        la.logistic(x, y);
        assertThat(y.toArray()).containsExactly(0f, 1f, 0f, 1f);
        la.tanh(x, y);
        assertThat(y.toArray()).containsExactly(-1f, 1f, -1f, 1f);
    }

    @Test
    void nanStaysNanAndTanhKeepsTheSignOfZero() {
        Linalg la = Linalg.newBuilder().path(KernelPath.VECTOR).threads(1).build();
        Matrix x = Matrix.of(new float[][] {{Float.NaN, -0f, 0f}});
        Matrix y = Matrix.zeros(1, 3);
        la.logistic(x, y);
        assertThat(y.toArray()).containsExactly(Float.NaN, 0.5f, 0.5f);
        la.tanh(x, y);
        assertThat(Float.isNaN(y.get(0, 0))).isTrue();
        assertThat(Float.floatToRawIntBits(y.get(0, 1))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(Float.floatToRawIntBits(y.get(0, 2))).isEqualTo(0);
    }
}
