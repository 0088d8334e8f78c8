package org.fa4j.datasets;

import org.fa4j.simd.Matrix;

/**
 * A reproducible stream of random numbers, one per name and seed ({@link Seeds#stream(long, String)}), so that the
 * teacher, the data and every other random choice of a data set each draw from their own stream.
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): each {@link #nextLong()} adds
 * {@code 0x9e3779b97f4a7c15} to the state and returns {@link Seeds#mix64 mix64(state)}. Doubles take the top 53 bits;
 * Gaussians use the Box–Muller transform with {@link StrictMath}, so results are bit-identical on every JVM and
 * platform. Not thread-safe: one stream per thread of use.
 */
public final class RandomStream {
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    RandomStream(long state) {
        this.state = state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += Seeds.GOLDEN_GAMMA;
        return Seeds.mix64(state);
    }

    /** A uniform double in [0, 1), a multiple of 2<sup>−53</sup>. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform double in [lo, hi). */
    public double uniform(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("uniform(lo, hi) needs lo <= hi, got lo = " + lo + ", hi = " + hi);
        }
        return lo + (hi - lo) * nextDouble();
    }

    /** A standard normal deviate (Box–Muller with {@link StrictMath}; the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * Math.PI * u2;
        spareGaussian = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    /** A uniform int in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        // Rejection on 31 random bits: accept r only when its block of `bound` values is complete.
        while (true) {
            int bits = (int) (nextLong() >>> 33);
            int r = bits % bound;
            if (bits - r + (bound - 1) >= 0) {
                return r;
            }
        }
    }

    /** Shuffles {@code a} in place (Fisher–Yates, from the last element down). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A {@code rows × cols} matrix of standard normal draws, row by row, each rounded once to float. */
    public Matrix gaussianMatrix(int rows, int cols) {
        Matrix x = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                x.set(r, j, (float) nextGaussian());
            }
        }
        return x;
    }
}
