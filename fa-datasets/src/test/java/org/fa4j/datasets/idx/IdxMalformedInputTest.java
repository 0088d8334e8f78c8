package org.fa4j.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input gets an {@link IdxFormatException} naming the file and the byte offset. */
class IdxMalformedInputTest {
    @TempDir
    Path dir;

    /** IDX bytes: magic {@code 0 0 type rank}, the given dimensions, then {@code body}. */
    static byte[] idx(int type, int rank, int[] dims, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + body.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) rank);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(body).array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private IdxFormatException failure(Path f) {
        IdxFormatException e = catchThrowableOfType(IdxFormatException.class, () -> Idx.read(f));
        assertThat(e).as("reading %s must fail with IdxFormatException", f).isNotNull();
        assertThat(e.source()).isEqualTo(f.toString());
        assertThat(e.getMessage()).startsWith(f.toString() + ": at byte offset " + e.offset() + ": ");
        return e;
    }

    @Test
    void emptyFileFailsAtOffsetZero() throws IOException {
        IdxFormatException e = failure(file("empty", new byte[0]));
        assertThat(e.offset()).isZero();
        assertThat(e).hasMessageContaining("empty file");
    }

    @Test
    void fileEndingInsideTheMagicNumberFails() throws IOException {
        IdxFormatException e = failure(file("short", new byte[] {0, 0, 8}));
        assertThat(e.offset()).isEqualTo(3);
        assertThat(e).hasMessageContaining("inside the 4-byte magic number");
    }

    @Test
    void wrongMagicFailsAtOffsetZeroAndShowsTheBytes() throws IOException {
        IdxFormatException e = failure(file("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}));
        assertThat(e.offset()).isZero();
        assertThat(e).hasMessageContaining("wrong magic number 0x89504E47");
    }

    @Test
    void unknownTypeCodeFailsAtOffsetTwoAndListsTheKnownCodes() throws IOException {
        IdxFormatException e = failure(file("type", idx(0x0A, 1, new int[] {1}, new byte[1])));
        assertThat(e.offset()).isEqualTo(2);
        assertThat(e).hasMessageContaining("unknown element type code 0x0A").hasMessageContaining("0x0E (double)");
    }

    @Test
    void rankZeroFailsAtOffsetThree() throws IOException {
        IdxFormatException e = failure(file("rank0", idx(0x08, 0, new int[0], new byte[1])));
        assertThat(e.offset()).isEqualTo(3);
        assertThat(e).hasMessageContaining("rank 0");
    }

    @Test
    void absurdRankFailsAtOffsetThree() throws IOException {
        int[] dims = new int[200];
        Arrays.fill(dims, 1);
        IdxFormatException e = failure(file("rank200", idx(0x08, 200, dims, new byte[1])));
        assertThat(e.offset()).isEqualTo(3);
        assertThat(e).hasMessageContaining("rank 200");
    }

    @Test
    void fileEndingInsideTheDimensionsFails() throws IOException {
        byte[] bytes = Arrays.copyOf(idx(0x08, 3, new int[] {1, 2, 3}, new byte[0]), 10);
        IdxFormatException e = failure(file("dims", bytes));
        assertThat(e.offset()).isEqualTo(10);
        assertThat(e).hasMessageContaining("inside the dimensions").hasMessageContaining("16-byte header");
    }

    @Test
    void dimensionAboveTwoToThe31FailsAtItsOwnOffset() throws IOException {
        IdxFormatException e = failure(file("dim", idx(0x08, 3, new int[] {10, 0x80000000, 28}, new byte[1024])));
        assertThat(e.offset()).isEqualTo(8);
        assertThat(e).hasMessageContaining("dimension 1 is 2147483648");
    }

    @Test
    void dimensionProductBeyondAJavaArrayFailsWithoutAllocating() throws IOException {
        // 2^31 - 1 images of 28 x 28 in a 1 KB file: the product fits in a long but not in an array.
        IdxFormatException e = failure(file("huge", idx(0x08, 3, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[1000])));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e).hasMessageContaining("more than a Java array holds");
    }

    @Test
    void dimensionProductOverflowingALongFails() throws IOException {
        int[] dims = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 3};
        IdxFormatException e = failure(file("overflow", idx(0x0E, 4, dims, new byte[16])));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e).hasMessageContaining("overflow");
    }

    @Test
    void headerClaimingMoreElementsThanARawFileHoldsFailsFastWithoutAllocating() throws IOException {
        // 2^30 doubles (8 GiB) claimed in a 1 KB file: rejected by comparing with the file size, before any allocation
        // (the rejection happens even with a heap far smaller than the claim).
        IdxFormatException e = failure(file("liar", idx(0x0E, 2, new int[] {1 << 20, 1 << 10}, new byte[1000])));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e).hasMessageContaining("claims").hasMessageContaining("file holds only 1000 bytes after the header");
    }

    @Test
    void headerClaimingTwoToThe31ImagesInAOneKilobyteFileFails() throws IOException {
        IdxFormatException e = failure(file("images", idx(0x08, 3, new int[] {Integer.MIN_VALUE, 28, 28}, new byte[1000])));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e).hasMessageContaining("dimension 0 is 2147483648");
    }

    @Test
    void headerClaimingMoreThanAGzipFileCanHoldFailsFastByTheDeflateLimit() throws IOException {
        // 1.5 GB of unsigned bytes claimed by a tiny gzip file: more than 1032 x its size.
        Path f = file("liar.gz", gzip(idx(0x08, 3, new int[] {2_000_000, 28, 28}, new byte[100])));
        IdxFormatException e = failure(f);
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e).hasMessageContaining("can decompress to at most").hasMessageContaining("1032:1");
    }

    @Test
    void lyingHeaderWithinTheDeflateLimitMakesTheGzipReaderGrowNotAllocateTheClaim() throws IOException {
        // 2.2 MB of incompressible bytes whose header claims 2^31 - 9 bytes (2 GiB): the claim passes the deflate
        // limit (1032 x 2.2 MB), so only bounded growth protects the heap. The test JVM runs with -Xmx1g (pom.xml):
        // allocating the claim would throw OutOfMemoryError instead of this exception.
        byte[] body = new byte[2_200_000];
        new java.util.Random(1).nextBytes(body);
        Path f = file("liar-within-limit.gz", gzip(idx(0x08, 1, new int[] {IdxArray.MAX_ELEMENTS}, body)));
        assertThat((long) IdxArray.MAX_ELEMENTS).isLessThan(Files.size(f) * IdxReader.DEFLATE_MAX_RATIO)
                .isGreaterThan(Runtime.getRuntime().maxMemory());
        IdxFormatException e = failure(f);
        assertThat(e.offset()).isEqualTo(8 + body.length);
        assertThat(e).hasMessageContaining("truncated body").hasMessageContaining("decompressed");
    }

    @Test
    void lyingHeaderInAStreamOfUnknownLengthMakesTheReaderGrowNotAllocateTheClaim() {
        byte[] bytes = idx(0x0E, 2, new int[] {1 << 14, 1 << 14}, new byte[3 << 20]); // claims 2 GiB of doubles, holds 3 MiB
        IdxFormatException e = catchThrowableOfType(IdxFormatException.class,
                () -> Idx.read(new ByteArrayInputStream(bytes), "stream"));
        assertThat(e.offset()).isEqualTo(bytes.length);
        assertThat(e).hasMessageContaining("ends after " + (3 << 17) + " of " + (1 << 28) + " elements");
    }

    @Test
    void truncatedRawBodyFailsAtTheEndOfTheFile() throws IOException {
        byte[] full = idx(0x0C, 1, new int[] {5}, new byte[20]);
        // Truncation in a stream (size unknown) is found while reading; in a file, up front.
        IdxFormatException e = catchThrowableOfType(IdxFormatException.class,
                () -> Idx.read(new ByteArrayInputStream(Arrays.copyOf(full, full.length - 3)), "stream"));
        assertThat(e.offset()).isEqualTo(full.length - 3);
        assertThat(e).hasMessageContaining("ends after 4 of 5 elements").hasMessageContaining("3 more bytes expected");
        IdxFormatException f = failure(file("trunc", Arrays.copyOf(full, full.length - 3)));
        assertThat(f.offset()).isEqualTo(4);
        assertThat(f).hasMessageContaining("file holds only 17 bytes after the header");
    }

    @Test
    void truncatedBodyInsideAValidGzipStreamFails() throws IOException {
        byte[] full = idx(0x0B, 2, new int[] {10, 10}, new byte[200]);
        IdxFormatException e = failure(file("trunc.gz", gzip(Arrays.copyOf(full, full.length - 51))));
        assertThat(e.offset()).isEqualTo(full.length - 51);
        assertThat(e).hasMessageContaining("ends after 74 of 100 elements");
    }

    @Test
    void trailingGarbageInARawFileFailsAtTheFirstExtraByte() throws IOException {
        byte[] full = idx(0x08, 1, new int[] {4}, new byte[] {1, 2, 3, 4, 5, 6});
        IdxFormatException e = failure(file("trail", full));
        assertThat(e.offset()).isEqualTo(12);
        assertThat(e).hasMessageContaining("trailing garbage: 2 bytes");
    }

    @Test
    void trailingGarbageInAStreamFailsAtTheFirstExtraByte() {
        byte[] full = idx(0x0D, 1, new int[] {1}, new byte[] {0, 0, 0, 0, 9});
        IdxFormatException e = catchThrowableOfType(IdxFormatException.class,
                () -> Idx.read(new ByteArrayInputStream(full), "stream"));
        assertThat(e.offset()).isEqualTo(12);
        assertThat(e).hasMessageContaining("trailing garbage");
    }

    @Test
    void trailingGarbageInsideAGzipStreamFails() throws IOException {
        IdxFormatException e = failure(file("trail.gz", gzip(idx(0x08, 1, new int[] {3}, new byte[] {1, 2, 3, 4}))));
        assertThat(e.offset()).isEqualTo(11);
        assertThat(e).hasMessageContaining("trailing garbage");
    }

    @Test
    void corruptDeflateDataFails() throws IOException {
        byte[] gz = gzip(idx(0x0C, 1, new int[] {1000}, new byte[4000]));
        for (int i = 10; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF; // garbage in the deflate blocks
        }
        IdxFormatException e = failure(file("corrupt.gz", gz));
        assertThat(e).hasMessageContaining("corrupt or truncated gzip stream");
    }

    @Test
    void gzipChecksumMismatchFails() throws IOException {
        byte[] gz = gzip(idx(0x08, 1, new int[] {3}, new byte[] {1, 2, 3}));
        gz[gz.length - 8] ^= 0x01; // CRC-32 in the trailer
        IdxFormatException e = failure(file("crc.gz", gz));
        assertThat(e.offset()).isEqualTo(11);
        assertThat(e).hasMessageContaining("corrupt or truncated gzip stream");
    }

    @Test
    void truncatedGzipFileFails() throws IOException {
        byte[] gz = gzip(idx(0x0C, 1, new int[] {1000}, new java.util.Random(1).ints(4000).mapToObj(i -> (byte) i)
                .collect(ByteArrayOutputStream::new, ByteArrayOutputStream::write, (a, b) -> { }).toByteArray()));
        IdxFormatException e = failure(file("cut.gz", Arrays.copyOf(gz, gz.length / 2)));
        assertThat(e).hasMessageContaining("corrupt or truncated gzip stream");
    }

    @Test
    void garbageAfterTheGzipDataFailsWithItsCompressedOffset() throws IOException {
        byte[] gz = gzip(idx(0x08, 1, new int[] {3}, new byte[] {1, 2, 3}));
        byte[] withTail = Arrays.copyOf(gz, gz.length + 5);
        Arrays.fill(withTail, gz.length, withTail.length, (byte) 7);
        IdxFormatException e = failure(file("tail.gz", withTail));
        assertThat(e.offset()).isEqualTo(11);
        assertThat(e).hasMessageContaining("trailing garbage after the gzip data")
                .hasMessageContaining("compressed offset " + gz.length);
    }

    @Test
    void gzipLengthMismatchInTheTrailerFails() throws IOException {
        byte[] gz = gzip(idx(0x08, 1, new int[] {3}, new byte[] {1, 2, 3}));
        gz[gz.length - 4] ^= 0x01; // ISIZE
        IdxFormatException e = failure(file("isize.gz", gz));
        assertThat(e).hasMessageContaining("length mismatch in the gzip trailer");
    }

    @Test
    void concatenatedGzipMembersAreOneStream() throws IOException {
        byte[] whole = idx(0x0C, 2, new int[] {2, 3}, new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6});
        byte[] a = gzip(Arrays.copyOfRange(whole, 0, 13));
        byte[] b = gzip(Arrays.copyOfRange(whole, 13, whole.length));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(Idx.read(file("two-members.gz", both)).ints()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void corruptGzipHeaderFailsAtOffsetZero() throws IOException {
        byte[] gz = gzip(idx(0x08, 1, new int[] {1}, new byte[] {1}));
        gz[2] = 7; // compression method must be 8 (deflate)
        IdxFormatException e = failure(file("method.gz", gz));
        assertThat(e.offset()).isZero();
        assertThat(e).hasMessageContaining("corrupt gzip header");
    }

    @Test
    void theStreamIsNotClosedByRead() throws IOException {
        byte[] bytes = idx(0x08, 1, new int[] {1}, new byte[] {42});
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(Idx.read(in, "s").bytes()).containsExactly(42);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path missing = dir.resolve("t10k-images-idx3-ubyte");
        assertThatThrownBy(() -> Idx.read(missing)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessage(missing + ": no such IDX file (No such file or directory)");
    }
}
