package org.fa4j.core;

import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.DirectFeedbackAlignment;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.SignSymmetry;
import org.fa4j.core.rule.WeightMirror;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/** Small networks, data and independent float64 references shared by the tests of the rules beyond the paper. */
final class FamilyFixtures {
    /**
     * Scalar kernels, one thread. Every bit-exact comparison runs on the scalar path: fa-simd's vector path currently
     * rounds differently before and after C2 compiles it, so two runs made one after the other could differ for
     * reasons that have nothing to do with the rule (see DeterminismTest). Allocation is measured here too, so that
     * it is the rule's own work that is measured.
     */
    static final Linalg ONE_THREAD = Linalg.newBuilder().threads(1).path(KernelPath.SCALAR).build();
    /** Scalar kernels, two threads (fa-simd splits GEMMs of at least 2^18 multiply-adds). */
    static final Linalg TWO_THREADS = Linalg.newBuilder().threads(2).path(KernelPath.SCALAR).build();
    /** The default kernels (the vector path on this machine), for tests that compare with a tolerance. */
    static final Linalg DEFAULT = Linalg.defaults();

    private FamilyFixtures() {
    }

    /** 10 → 16 (tanh) → 12 (tanh) → 5 (linear), biases on: two hidden layers, so DFA and FA differ. */
    static NetworkSpec deepSpec() {
        return NetworkSpec.newBuilder(10)
                .layer(16, Activation.tanh())
                .layer(12, Activation.tanh())
                .layer(5, Activation.identity())
                .init(Init.uniform(0.3))
                .build();
    }

    /** 128 → 256 (tanh) → 256 (tanh) → 10: with batch 32 the hidden GEMMs are large enough to be split between threads. */
    static NetworkSpec wideSpec() {
        return NetworkSpec.newBuilder(128)
                .layer(256, Activation.tanh())
                .layer(256, Activation.tanh())
                .layer(10, Activation.identity())
                .init(Init.xavier())
                .build();
    }

    /** 10 → 16 (logistic) → 5 (logistic): one hidden layer. */
    static NetworkSpec shallowSpec() {
        return NetworkSpec.newBuilder(10)
                .layer(16, Activation.logistic())
                .layer(5, Activation.logistic())
                .init(Init.uniform(0.3))
                .build();
    }

    /** One instance of every rule beyond the paper (the three sign-symmetry variants separately), alone and per layer. */
    static LearningRule[] familyRules() {
        return new LearningRule[] {
                DirectFeedbackAlignment.uniform(0.3),
                SignSymmetry.usf(Init.uniform(0.3)),
                SignSymmetry.brsf(Init.uniform(0.3)),
                SignSymmetry.frsf(Init.uniform(0.3)),
                KolenPollack.uniform(0.3),
                new WeightMirror(Init.uniform(0.3), 0.01, 0.01, 1, 2),
                // as per-layer pathways: FA's draws come first in the feedback stream, so frSF's replay must skip them
                new Layerwise(List.of(FeedbackAlignment.uniform(0.3), SignSymmetry.frsf(Init.uniform(0.3)))),
                new Layerwise(List.of(SignSymmetry.brsf(Init.uniform(0.3)), new WeightMirror(Init.uniform(0.3), 0.01, 0.01, 1, 2))),
                new Layerwise(List.of(KolenPollack.uniform(0.3), new Backprop()))};
    }

    /** {@code n × inputs} Gaussian inputs. */
    static Matrix inputs(int n, int inputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, inputs);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs; j++) {
                x.set(i, j, (float) r.nextGaussian());
            }
        }
        return x;
    }

    /** Targets of a fixed random teacher {@code y* = tanh(x A₁ᵀ) A₂ᵀ} scaled into (0, 1) when {@code unit} is set. */
    static Matrix teacher(Matrix x, int outputs, boolean unit, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int hidden = 20;
        double[][] a1 = new double[hidden][x.cols()];
        double[][] a2 = new double[outputs][hidden];
        for (double[] row : a1) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() / Math.sqrt(x.cols());
            }
        }
        for (double[] row : a2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() / Math.sqrt(hidden);
            }
        }
        Matrix y = Matrix.zeros(x.rows(), outputs);
        double[] h = new double[hidden];
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < hidden; k++) {
                double s = 0;
                for (int j = 0; j < x.cols(); j++) {
                    s += a1[k][j] * x.get(i, j);
                }
                h[k] = Math.tanh(s);
            }
            for (int o = 0; o < outputs; o++) {
                double s = 0;
                for (int k = 0; k < hidden; k++) {
                    s += a2[o][k] * h[k];
                }
                y.set(i, o, (float) (unit ? 1 / (1 + Math.exp(-2 * s)) : s));
            }
        }
        return y;
    }

    /** Mean over rows of {@code ½‖y* − y‖²}, in float64 from the model's predictions. */
    static double meanLoss(Model m, Matrix x, Matrix y) {
        Matrix p = m.predict(x, ONE_THREAD);
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                double e = y.get(i, j) - p.get(i, j);
                s += 0.5 * e * e;
            }
        }
        return s / x.rows();
    }

    /** Frobenius norm in float64. */
    static double norm(Matrix a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code Σ a_ij b_ij} in float64. */
    static double dot(Matrix a, Matrix b) {
        double s = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                s += (double) a.get(i, j) * b.get(i, j);
            }
        }
        return s;
    }

    /** {@code Σ b_ji w_ij}: the inner product of {@code vec(B)} and {@code vec(Wᵀ)}, in float64. */
    static double dotTransposed(Matrix b, Matrix w) {
        double s = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                s += (double) b.get(j, i) * w.get(i, j);
            }
        }
        return s;
    }

    /** Cosine between {@code vec(B)} and {@code vec(Wᵀ)}. */
    static double cosine(Matrix b, Matrix w) {
        return dotTransposed(b, w) / (norm(b) * norm(w));
    }

    /** {@code ‖W − Bᵀ‖} in float64. */
    static double distanceTransposed(Matrix w, Matrix b) {
        double s = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                double d = (double) w.get(i, j) - b.get(j, i);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    private static final Object THREAD_BEAN;
    private static final Method ALLOCATED;

    static {
        try {
            THREAD_BEAN = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            ALLOCATED = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Bytes allocated so far by the current thread (HotSpot's {@code com.sun.management.ThreadMXBean}). */
    static long allocatedBytes() {
        try {
            return (long) ALLOCATED.invoke(THREAD_BEAN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM cannot count allocated bytes", e);
        }
    }

    /** Bytes {@code action} allocates beyond the cost of measuring, the least of three tries. */
    static long allocationOf(Runnable action) {
        long best = Long.MAX_VALUE;
        for (int t = 0; t < 3; t++) {
            long e0 = allocatedBytes();
            long e1 = allocatedBytes();
            long a0 = allocatedBytes();
            action.run();
            long a1 = allocatedBytes();
            best = Math.min(best, (a1 - a0) - (e1 - e0));
        }
        return best;
    }
}
