package org.fa4j.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A named, reproducible stream of random numbers derived from one experiment seed, so that the teacher, the data and
 * every other random choice each draw from their own stream: changing how many numbers one part draws never shifts
 * another part's numbers.
 *
 * <p>The derivation is fixed and documented so that any implementation can reproduce it bit for bit:
 * <ol>
 *   <li>{@code h = FNV-1a-64(UTF-8 bytes of name)} (offset basis {@code 0xcbf29ce484222325}, prime
 *       {@code 0x100000001b3});</li>
 *   <li>the stream's initial state is {@code mix64(mix64(seed) ^ h)}, where {@code mix64} is SplitMix64's
 *       finaliser: {@code z = (z ^ z>>>30) * 0xbf58476d1ce4e5b9; z = (z ^ z>>>27) * 0x94d049bb133111eb; z ^ z>>>31};</li>
 *   <li>the generator is SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): each {@link #nextLong()} adds
 *       {@code 0x9e3779b97f4a7c15} to the state and returns {@code mix64(state)}.</li>
 * </ol>
 * Doubles take the top 53 bits; Gaussians use the Box–Muller transform with {@link StrictMath}, so results are
 * bit-identical on every JVM and platform. Not thread-safe: one stream per thread of use.
 */
public final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    RandomStream(long state) {
        this.state = state;
    }

    /** The stream called {@code name} of experiment {@code seed}. */
    public static RandomStream of(long seed, String name) {
        return new RandomStream(streamSeed(seed, name));
    }

    /** The initial state of stream {@code name} of experiment {@code seed} (see the class description). */
    public static long streamSeed(long seed, String name) {
        Objects.requireNonNull(name, "name");
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return mix64(mix64(seed) ^ h);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
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
}
