package org.fa4j.core;

import java.util.SplittableRandom;

/**
 * One seed and the named random streams derived from it. Each {@link SeedStream} gets its own generator whose seed
 * is a SplitMix64 hash of {@code (seed, stream)}, so drawing from one stream never shifts another.
 *
 * @param seed the run's seed
 */
public record Seeds(long seed) {

    /** A fresh generator for {@code stream}; two calls give generators producing the same sequence. */
    public SplittableRandom random(SeedStream stream) {
        return new SplittableRandom(mix(seed, stream.ordinal() + 1));
    }

    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
