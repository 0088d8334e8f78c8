package org.fa4j.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The one place where fa4j derives random streams from seeds. Every random number of a run comes from a stream named
 * after what it draws (the data order, the initial weights, the feedback matrices, a task's teacher, a trial of a
 * sweep), derived from the run's seed by SplitMix64's finaliser {@link #mix64}, so that drawing more numbers from one
 * stream never shifts another: a backprop run and a feedback-alignment run of the same seed see the very same data
 * order and initial forward weights (PAPER §2.1: "The sequence of data points learned on was also fixed for each
 * algorithm").
 *
 * <p>The name enters the hash in one of three forms, each fixed bit for bit so that saved models and results stay
 * reproducible:
 * <ul>
 *   <li>{@link #random(long, SeedStream)}: a training run's streams ({@link SeedStream}), as a
 *       {@link SplittableRandom} seeded with {@code mix64(seed + (ordinal + 1)·γ)}, {@code γ = 0x9E3779B97F4A7C15};</li>
 *   <li>{@link #stream(long, String)}: the data sets' streams, as a {@link RandomStream} (fa4j's own SplitMix64, whose
 *       doubles and Gaussians are specified bit for bit) starting from {@code mix64(mix64(seed) ^ FNV-1a-64(name))};</li>
 *   <li>{@link #derive(long, String, int)}: the seed of trial {@code index} of a sweep, {@code mix64} chained over
 *       the master seed, the name's UTF-8 bytes and the index.</li>
 * </ul>
 */
public final class Seeds {
    /** SplitMix64's increment, the golden gamma {@code ⌊2⁶⁴/φ⌋}. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that mixes every input bit into every output bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code mix64(seed + salt·γ)}: the seed of salt {@code salt} of {@code seed}. */
    public static long salted(long seed, long salt) {
        return mix64(seed + salt * GOLDEN_GAMMA);
    }

    /** A fresh generator for {@code stream} of {@code seed}; two calls give generators producing the same sequence. */
    public static SplittableRandom random(long seed, SeedStream stream) {
        return new SplittableRandom(salted(seed, stream.ordinal() + 1));
    }

    /** The data-set stream called {@code name} of {@code seed}. */
    public static RandomStream stream(long seed, String name) {
        return new RandomStream(streamSeed(seed, name));
    }

    /** The initial state of the data-set stream {@code name} of {@code seed}. */
    public static long streamSeed(long seed, String name) {
        Objects.requireNonNull(name, "name");
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return mix64(mix64(seed) ^ h);
    }

    /** The seed of stream {@code name}, trial {@code index}, of master seed {@code master}. */
    public static long derive(long master, String name, int index) {
        long h = mix64(master ^ 0x6A09E667F3BCC909L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix64(h ^ b);
        }
        return mix64(h ^ (index * GOLDEN_GAMMA));
    }

    /** A generator seeded with {@link #derive(long, String, int)}. */
    public static SplittableRandom random(long master, String name, int index) {
        return new SplittableRandom(derive(master, name, index));
    }
}
