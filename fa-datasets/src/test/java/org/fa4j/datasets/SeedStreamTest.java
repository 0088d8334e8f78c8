package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedStreamTest {
    @Test
    void theStreamsKeepTheirOrderBecauseTheOrdinalSaltsTheSeed() {
        // Seeds salts each generator with the ordinal: reordering the constants would change every saved run.
        assertThat(Arrays.stream(SeedStream.values()).map(Enum::name))
                .containsExactly("DATA_ORDER", "FORWARD_INIT", "FEEDBACK", "PERTURBATION", "FEEDBACK_LEARNING");
    }

    @Test
    void eachStreamIsSplitMix64OfTheSeedSaltedByItsOrdinalPlusOne() {
        long seed = 1411024;
        for (SeedStream s : SeedStream.values()) {
            // Independent reference: SplitMix64's finaliser of seed + salt·golden gamma, written out here.
            long z = seed + (s.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            SplittableRandom expected = new SplittableRandom(z);
            SplittableRandom actual = Seeds.random(seed, s);
            for (int i = 0; i < 4; i++) {
                assertThat(actual.nextLong()).as("%s draw %d", s, i).isEqualTo(expected.nextLong());
            }
        }
        assertThat(Seeds.random(seed, SeedStream.FEEDBACK).nextLong())
                .isNotEqualTo(Seeds.random(seed, SeedStream.FORWARD_INIT).nextLong());
    }
}
