package org.fa4j.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdxRoundTripTest {
    @TempDir
    Path dir;

    /** A random array of {@code type} with a random shape of the given rank. */
    static IdxArray randomArray(IdxType type, int rank, SplittableRandom rnd) {
        int[] shape = new int[rank];
        int n = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = 1 + rnd.nextInt(rank <= 2 ? 40 : 5);
            n *= shape[i];
        }
        return switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> {
                byte[] b = new byte[n];
                rnd.nextBytes(b);
                yield type == IdxType.UNSIGNED_BYTE ? IdxArray.ofUnsignedBytes(b, shape) : IdxArray.ofSignedBytes(b, shape);
            }
            case SHORT -> {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (short) rnd.nextInt();
                }
                yield IdxArray.ofShorts(s, shape);
            }
            case INT -> IdxArray.ofInts(rnd.ints(n).toArray(), shape);
            case FLOAT -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = Float.intBitsToFloat(rnd.nextInt()); // every bit pattern, NaNs and infinities included
                }
                yield IdxArray.ofFloats(f, shape);
            }
            case DOUBLE -> IdxArray.ofDoubles(rnd.longs(n).mapToDouble(Double::longBitsToDouble).toArray(), shape);
        };
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void rawFileRoundTripsEveryTypeAtRanksOneToSix(IdxType type) throws IOException {
        SplittableRandom rnd = new SplittableRandom(type.code());
        for (int rank = 1; rank <= 6; rank++) {
            IdxArray a = randomArray(type, rank, rnd);
            Path f = dir.resolve(type + "-" + rank + ".idx");
            Idx.write(f, a);
            assertThat(Idx.read(f)).isEqualTo(a);
            assertThat(Files.size(f)).isEqualTo(4 + 4L * rank + (long) a.size() * type.bytes());
        }
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void gzipFileRoundTripsEveryType(IdxType type) throws IOException {
        SplittableRandom rnd = new SplittableRandom(100 + type.code());
        for (int rank = 1; rank <= 4; rank++) {
            IdxArray a = randomArray(type, rank, rnd);
            Path f = dir.resolve(type + "-" + rank + ".bin"); // no .gz: detection is by magic bytes
            Idx.writeGzip(f, a);
            assertThat(Files.readAllBytes(f)).startsWith((byte) 0x1F, (byte) 0x8B);
            assertThat(Idx.read(f)).isEqualTo(a);
        }
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void streamRoundTripsEveryType(IdxType type) throws IOException {
        IdxArray a = randomArray(type, 3, new SplittableRandom(7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Idx.write(out, a);
        assertThat(Idx.read(new ByteArrayInputStream(out.toByteArray()), "memory")).isEqualTo(a);
    }

    @Test
    void bodyLargerThanOneChunkRoundTrips() throws IOException {
        // 3 x 10007 doubles = 240 KB: several 64 KiB chunks with a partial last one.
        IdxArray a = IdxArray.ofDoubles(new SplittableRandom(5).doubles(3 * 10007).toArray(), 3, 10007);
        Path raw = dir.resolve("big.idx");
        Path gz = dir.resolve("big.idx.gz");
        Idx.write(raw, a);
        Idx.writeGzip(gz, a);
        assertThat(Idx.read(raw)).isEqualTo(a);
        assertThat(Idx.read(gz)).isEqualTo(a);
    }

    @Test
    void emptyArrayWithAZeroDimensionRoundTrips() throws IOException {
        IdxArray a = IdxArray.ofFloats(new float[0], 0, 28, 28);
        Path f = dir.resolve("empty.idx");
        Idx.write(f, a);
        assertThat(Idx.read(f)).isEqualTo(a);
        assertThat(Idx.read(f).shape()).containsExactly(0, 28, 28);
    }

    @Test
    void writerProducesTheDocumentedBigEndianLayout() throws IOException {
        Path f = dir.resolve("layout.idx");
        Idx.write(f, IdxArray.ofShorts(new short[] {1, -2, 0x1234}, 1, 3));
        ByteBuffer expected = ByteBuffer.allocate(4 + 8 + 6).order(ByteOrder.BIG_ENDIAN);
        expected.put(new byte[] {0, 0, 0x0B, 2}).putInt(1).putInt(3).putShort((short) 1).putShort((short) -2).putShort((short) 0x1234);
        assertThat(Files.readAllBytes(f)).isEqualTo(expected.array());
    }

    @Test
    void unsignedBytesReadAsZeroTo255() throws IOException {
        Path f = dir.resolve("u8.idx");
        Idx.write(f, IdxArray.ofUnsignedBytes(new byte[] {0, 127, (byte) 128, (byte) 255}, 4));
        IdxArray a = Idx.read(f);
        assertThat(a.type()).isEqualTo(IdxType.UNSIGNED_BYTE);
        assertThat(new double[] {a.getAsDouble(0), a.getAsDouble(1), a.getAsDouble(2), a.getAsDouble(3)})
                .containsExactly(0, 127, 128, 255);
    }

    @Test
    void failedWriteLeavesNoFileBehind() throws IOException {
        Path missingDir = dir.resolve("no-such-dir").resolve("x.idx");
        assertThatThrownBy(() -> Idx.write(missingDir, IdxArray.ofInts(new int[] {1}, 1))).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void overwritingReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("x.idx");
        Idx.write(f, IdxArray.ofInts(new int[1000], 10, 100));
        IdxArray small = IdxArray.ofInts(new int[] {7}, 1);
        Idx.write(f, small);
        assertThat(Idx.read(f)).isEqualTo(small);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void factoriesRejectAShapeThatDoesNotMatchTheData() {
        assertThatThrownBy(() -> IdxArray.ofInts(new int[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("5");
        assertThatThrownBy(() -> IdxArray.ofInts(new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank 0");
        assertThatThrownBy(() -> IdxArray.ofInts(new int[0], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void typedAccessorOfTheWrongTypeSaysWhichTypeItHolds() {
        IdxArray a = IdxArray.ofInts(new int[] {1}, 1);
        assertThatThrownBy(a::floats).isInstanceOf(IllegalStateException.class).hasMessageContaining("INT");
    }
}
