package org.fa4j.analysis.experiments;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, independent random streams derived from one master seed, so that e.g. BP and FA share the data and the
 * initial forward weights but get their own B (PAPER.md §5, "seed separate RNG streams").
 */
final class Seeds {
    private Seeds() {
    }

    /** A seed for stream {@code name}, trial {@code index}, of master seed {@code master}. */
    static long derive(long master, String name, int index) {
        long h = mix(master ^ 0x6A09E667F3BCC909L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h ^ (index * 0x9E3779B97F4A7C15L));
    }

    static SplittableRandom random(long master, String name, int index) {
        return new SplittableRandom(derive(master, name, index));
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double uniform(SplittableRandom r, double scale) {
        return (2 * r.nextDouble() - 1) * scale;
    }
}
