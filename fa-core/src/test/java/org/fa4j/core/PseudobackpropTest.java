package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.fa4j.core.rule.Pseudobackprop;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class PseudobackpropTest {

    /**
     * For a wide W (n_o × n_h, n_o &lt; n_h, full row rank) the pseudoinverse is Wᵀ(WWᵀ)⁻¹. The test computes it in
     * float64 with its own Gauss–Jordan inverse (no SVD, no EJML) and checks that the hidden delta the rule sends,
     * δ_h = (W⁺ δ_y) ∘ f'(a_h), matches to float32 accuracy (relative 1e-4).
     */
    @Test
    void hiddenUpdateIsPseudoinverseTimesError() {
        NetworkSpec spec = NetworkSpec.newBuilder(8).layer(7, Activation.tanh()).layer(3, Activation.identity()).init(Init.uniform(0.7)).build();
        Model m = Model.create(spec, new Pseudobackprop(), 3);
        Matrix x = Data.gaussian(2, 8, 1);
        Matrix y = Data.gaussian(2, 3, 2);
        double[][] w = new double[3][7];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 7; j++) {
                w[i][j] = m.weights(1).get(i, j);
            }
        }
        double[][] pinv = widePseudoinverse(w);
        double[][] sent = new double[2][7];
        double[][] expected = new double[2][7];
        Reference ref = new Reference(m);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().batchSize(2).build()).linalg(Linalg.newBuilder().threads(1).build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        for (int i = 0; i < 2; i++) {
                            double[][] h = ref.forward(Reference.row(x, i));
                            for (int j = 0; j < 7; j++) {
                                double up = 0;
                                for (int k = 0; k < 3; k++) {
                                    up += pinv[j][k] * (y.get(i, k) - h[2][k]); // W⁺ e (linear output: δ_y = e)
                                }
                                expected[i][j] = up * (1 - h[1][j] * h[1][j]); // ∘ tanh'
                                sent[i][j] = s.diagnostics().delta(0).get(i, j);
                            }
                        }
                    }
                }).build().step(x, y);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 7; j++) {
                diff += Math.pow(sent[i][j] - expected[i][j], 2);
                norm += expected[i][j] * expected[i][j];
            }
        }
        assertThat(Math.sqrt(diff / norm)).isLessThan(1e-4);
    }

    /** The EJML-backed W⁺ satisfies the four Moore–Penrose conditions (checked in float64) for tall and wide W. */
    @Test
    void pseudoInverseSatisfiesMoorePenroseConditions() {
        for (int[] shape : new int[][] {{4, 9}, {9, 4}, {6, 6}}) {
            Matrix w = Data.gaussian(shape[0], shape[1], shape[0] * 31L + shape[1]);
            Matrix p = Matrix.zeros(shape[1], shape[0]);
            Pseudobackprop.pseudoInverse(w, p);
            double[][] a = toD(w);
            double[][] ap = toD(p);
            double[][] aPa = mul(mul(a, ap), a);
            double[][] pAp = mul(mul(ap, a), ap);
            double[][] aP = mul(a, ap);
            double[][] pA = mul(ap, a);
            assertThat(maxDiff(aPa, a)).as("A A⁺ A = A for %dx%d", shape[0], shape[1]).isLessThan(1e-5);
            assertThat(maxDiff(pAp, ap)).as("A⁺ A A⁺ = A⁺").isLessThan(1e-5);
            assertThat(maxDiff(aP, transpose(aP))).as("(A A⁺)ᵀ = A A⁺").isLessThan(1e-5);
            assertThat(maxDiff(pA, transpose(pA))).as("(A⁺ A)ᵀ = A⁺ A").isLessThan(1e-5);
        }
    }

    /**
     * A float32 W that is rank 2 up to its own rounding (the product of a 10×2 and a 2×20 matrix, rounded to float):
     * its other singular values are rounding noise, ~1e-7 of the largest. The pseudoinverse treats them as zero, as
     * the rank-2 W⁺ of the exact product: its norm stays that of the rank-2 inverse (1/σ₂), where inverting the noise
     * would give ~1e7. Reference: the float64 rank-2 pseudoinverse of the exact product, to float rounding.
     */
    @Test
    void aNumericallyRankDeficientFloatMatrixGetsThePseudoinverseOfItsRank() {
        double[][] u = toD(Data.gaussian(10, 2, 5));
        double[][] v = toD(Data.gaussian(2, 20, 6));
        double[][] exact = mul(u, v);
        Matrix w = Matrix.zeros(10, 20);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 20; j++) {
                w.set(i, j, (float) exact[i][j]);
            }
        }
        Matrix p = Matrix.zeros(20, 10);
        Pseudobackprop.pseudoInverse(w, p);
        // Rank-2 reference: (UV)⁺ = V⁺U⁺ with the full-rank factors' own pseudoinverses.
        double[][] vPinv = mul(transpose(v), invert(mul(v, transpose(v))));
        double[][] uPinv = mul(invert(mul(transpose(u), u)), transpose(u));
        double[][] expected = mul(vPinv, uPinv);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 10; j++) {
                diff += (p.get(i, j) - expected[i][j]) * (p.get(i, j) - expected[i][j]);
                norm += expected[i][j] * expected[i][j];
            }
        }
        assertThat(Math.sqrt(diff / norm)).as("W⁺ against the rank-2 pseudoinverse").isLessThan(1e-4);
    }

    /** The engine reuses its buffers and EJML's solver: once warm, a step that recomputes W⁺ allocates nothing. */
    @Test
    void aSteadyStateStepAllocatesNothing() {
        Model m = Model.create(FamilyFixtures.deepSpec(), new Pseudobackprop(), 3);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.02).batchSize(8).build())
                .linalg(FamilyFixtures.ONE_THREAD).build();
        Matrix x = FamilyFixtures.inputs(8, 10, 11);
        Matrix y = FamilyFixtures.teacher(x, 5, false, 12);
        Runnable steps = () -> {
            for (int i = 0; i < 200; i++) {
                t.step(x, y);
            }
        };
        int rounds = 0;
        while (FamilyFixtures.allocationOf(steps) != 0 && rounds < 200) { // until C2 has compiled the kernels
            rounds++;
        }
        assertThat(FamilyFixtures.allocationOf(steps)).as("bytes allocated by 200 steps after " + 200 * (rounds + 1) + " warm-up steps")
                .isZero();
    }

    static double[][] widePseudoinverse(double[][] w) {
        double[][] wt = transpose(w);
        return mul(wt, invert(mul(w, wt)));
    }

    static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double d = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    static double[][] toD(Matrix m) {
        double[][] d = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                d[i][j] = m.get(i, j);
            }
        }
        return d;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double maxDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }
}
