package org.fa4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Measures the error of the vectorised logistic and tanh against {@code Math} in double precision, in float ulps of
 * the exact result, over a dense grid of [-30, 30] and the special values. The bounds asserted here are the ones
 * stated in the Javadoc of {@link VectorKernels}.
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
            double ulp = Math.ulp((float) exact);
            double err = Math.abs(y.get(0, i) - exact) / ulp;
            worst = Math.max(worst, err);
        }
        return worst;
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
    void vectorTanhIsWithinTwoUlps() {
        double ulps = maxUlp(true, grid());
        System.out.printf("vector tanh: max error %.3f ulp over [-30, 30]%n", ulps);
        assertThat(ulps).isLessThanOrEqualTo(2.0);
    }

    @Test
    void vectorLogisticIsWithinThreeUlps() {
        double ulps = maxUlp(false, grid());
        System.out.printf("vector logistic: max error %.3f ulp over [-30, 30]%n", ulps);
        assertThat(ulps).isLessThanOrEqualTo(3.0);
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
}
