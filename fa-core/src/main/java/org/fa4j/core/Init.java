package org.fa4j.core;

import java.util.SplittableRandom;
import org.fa4j.simd.Matrix;

/**
 * How the entries of a weight matrix with {@code fanIn} inputs and {@code fanOut} outputs are drawn.
 *
 * <p>The paper draws forward weights from {@code U[−ω, ω]} (ω = 0.01 in Task 1) and feedback matrices from
 * {@code U[−β, β]} (β = 0.5 in Task 1): {@link #uniform(double)}. Xavier (Glorot &amp; Bengio 2010, uniform with
 * {@code ω = √(6 / (fanIn + fanOut))}) and He (He et al. 2015, Gaussian with {@code σ = √(2 / fanIn)}) are provided
 * for deeper nets; {@link #gaussian(double)} draws {@code N(0, σ²)}.
 */
public sealed interface Init permits Init.Uniform, Init.Gaussian, Init.Xavier, Init.He {

    /** {@code U[−scale, scale]}. */
    record Uniform(double scale) implements Init {
        /** Checks {@code scale >= 0}. */
        public Uniform {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("uniform scale must be finite and >= 0, got " + scale);
            }
        }

        @Override
        public float draw(SplittableRandom random, int fanIn, int fanOut) {
            return (float) (scale * (2 * random.nextDouble() - 1));
        }
    }

    /** {@code N(0, std²)}. */
    record Gaussian(double std) implements Init {
        /** Checks {@code std >= 0}. */
        public Gaussian {
            if (!(std >= 0) || Double.isInfinite(std)) {
                throw new IllegalArgumentException("gaussian std must be finite and >= 0, got " + std);
            }
        }

        @Override
        public float draw(SplittableRandom random, int fanIn, int fanOut) {
            return (float) (std * random.nextGaussian());
        }
    }

    /** Xavier/Glorot uniform: {@code U[−ω, ω]}, {@code ω = √(6 / (fanIn + fanOut))}. */
    record Xavier() implements Init {
        @Override
        public float draw(SplittableRandom random, int fanIn, int fanOut) {
            double w = Math.sqrt(6.0 / (fanIn + fanOut));
            return (float) (w * (2 * random.nextDouble() - 1));
        }
    }

    /** He/Kaiming normal: {@code N(0, 2 / fanIn)}. */
    record He() implements Init {
        @Override
        public float draw(SplittableRandom random, int fanIn, int fanOut) {
            return (float) (Math.sqrt(2.0 / fanIn) * random.nextGaussian());
        }
    }

    /** {@code U[−scale, scale]}: the paper's ω (forward) and β (feedback). */
    static Init uniform(double scale) { return new Uniform(scale); }

    /** {@code N(0, std²)}. */
    static Init gaussian(double std) { return new Gaussian(std); }

    /** Xavier/Glorot uniform. */
    static Init xavier() { return new Xavier(); }

    /** He/Kaiming normal. */
    static Init he() { return new He(); }

    /** One entry of a matrix with the given fan-in and fan-out. */
    float draw(SplittableRandom random, int fanIn, int fanOut);

    /** A new {@code rows × cols} matrix of draws with the given fans, in row-major order from {@code random}. */
    default Matrix matrix(int rows, int cols, int fanIn, int fanOut, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        float[] d = m.array();
        for (int i = 0; i < d.length; i++) {
            d[i] = draw(random, fanIn, fanOut);
        }
        return m;
    }

    /**
     * A 0/1 mask of {@code rows × cols} with each entry removed (0) with probability {@code sparsity}, drawn in
     * row-major order from {@code random}: how a layer's or a feedback matrix's permanent sparsity is chosen.
     */
    static Matrix removalMask(int rows, int cols, double sparsity, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        float[] d = m.array();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextDouble() < sparsity ? 0f : 1f;
        }
        return m;
    }
}
