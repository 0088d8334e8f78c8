package org.fa4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomStreamTest {
    @Test
    void generatorIsSplitMix64WithItsPublishedOutputs() {
        // Reference values of Vigna's splitmix64.c (seed 0 and seed 1234567).
        RandomStream zero = new RandomStream(0);
        assertThat(new long[] {zero.nextLong(), zero.nextLong(), zero.nextLong()})
                .containsExactly(0xe220a8397b1dcdafL, 0x6e789e6aa1b965f4L, 0x06c45d188009454fL);
        RandomStream r = new RandomStream(1234567);
        assertThat(new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()}).containsExactly(
                6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
                4593380528125082431L, Long.parseUnsignedLong("16408922859458223821"));
    }

    @Test
    void streamSeedFollowsTheDocumentedDerivation() {
        // Computed independently (Python) from FNV-1a-64("teacher") and mix64 as documented.
        assertThat(Seeds.streamSeed(42, "teacher")).isEqualTo(-3805032274318266175L);
        assertThat(Seeds.stream(42, "teacher").nextLong()).isEqualTo(8163168694153010859L);
    }

    @Test
    void sameSeedAndNameGiveTheSameSequence() {
        RandomStream a = Seeds.stream(7, "data");
        RandomStream b = Seeds.stream(7, "data");
        for (int i = 0; i < 1000; i++) {
            assertThat(Double.doubleToRawLongBits(a.nextGaussian())).isEqualTo(Double.doubleToRawLongBits(b.nextGaussian()));
        }
    }

    @Test
    void differentNamesOrSeedsGiveDifferentStreams() {
        long[] firsts = {Seeds.stream(7, "data").nextLong(), Seeds.stream(7, "teacher").nextLong(),
                Seeds.stream(8, "data").nextLong(), Seeds.stream(7, "Data").nextLong()};
        assertThat(Arrays.stream(firsts).distinct().count()).isEqualTo(4);
    }

    @Test
    void uniformDrawsStayInRangeWithTheRightMeanAndVariance() {
        RandomStream r = Seeds.stream(1, "u");
        double[] u = draws(200_000, () -> r.uniform(-1, 1));
        for (double v : u) {
            assertThat(v).isBetween(-1.0, 1.0).isNotEqualTo(1.0);
        }
        // mean 0 with s.e. sqrt(1/3/n) = 0.0013; variance 1/3 with s.e. about 0.0007: 5 s.e. tolerances.
        assertThat(mean(u, v -> v)).isCloseTo(0, within(0.0065));
        assertThat(mean(u, v -> v * v)).isCloseTo(1.0 / 3, within(0.0035));
    }

    @Test
    void gaussianDrawsHaveStandardNormalMoments() {
        RandomStream r = Seeds.stream(2, "g");
        int n = 200_000;
        double[] z = draws(n, r::nextGaussian);
        assertThat(mean(z, v -> v)).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(mean(z, v -> v * v)).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        assertThat(mean(z, v -> v * v * v * v)).isCloseTo(3, within(5 * Math.sqrt(96.0 / n)));
        // P(|z| > 1.96) = 0.05; binomial s.e. = sqrt(0.05 * 0.95 / n) = 0.00049.
        assertThat(mean(z, v -> Math.abs(v) > 1.959964 ? 1 : 0)).isCloseTo(0.05, within(0.0025));
    }

    @Test
    void nextIntIsUniformOverItsRange() {
        RandomStream r = Seeds.stream(3, "i");
        int[] counts = new int[7];
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(7)]++;
        }
        // chi-square with 6 degrees of freedom: P(> 22.46) = 0.001.
        double chi2 = IntStream.of(counts).mapToDouble(c -> (c - n / 7.0) * (c - n / 7.0) / (n / 7.0)).sum();
        assertThat(chi2).isLessThan(22.46);
    }

    @Test
    void shuffleIsAPermutationAndMovesEveryPositionUniformly() {
        RandomStream r = Seeds.stream(4, "s");
        int[][] where = new int[5][5];
        for (int t = 0; t < 50_000; t++) {
            int[] a = {0, 1, 2, 3, 4};
            r.shuffle(a);
            assertThat(a).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            for (int i = 0; i < 5; i++) {
                where[a[i]][i]++;
            }
        }
        for (int[] row : where) {
            for (int c : row) {
                assertThat(c).isBetween(10_000 - 600, 10_000 + 600); // s.e. 89
            }
        }
    }

    private static double[] draws(int n, DoubleSupplier draw) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = draw.getAsDouble();
        }
        return d;
    }

    /** The mean of f over the draws, summed in draw order. */
    private static double mean(double[] draws, DoubleUnaryOperator f) {
        double s = 0;
        for (double v : draws) {
            s += f.applyAsDouble(v);
        }
        return s / draws.length;
    }
}
