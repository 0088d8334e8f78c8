package org.fa4j.datasets.idx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.fa4j.datasets.io.AtomicFiles;

/**
 * Reads and writes IDX files, the format of MNIST: a magic number {@code 0x00 0x00 <type> <rank>}, {@code rank}
 * big-endian 32-bit dimensions, then the elements, big-endian, row-major. Every {@link IdxType} and any rank from 1
 * to {@value IdxArray#MAX_RANK} are supported, raw or gzip-compressed; gzip is recognised by its magic bytes, never by
 * the file name.
 *
 * <p>Reading streams the file in 64 KiB chunks straight into the result's primitive array; the header is checked
 * against the file size before anything large is allocated, and a gzip body's array grows only with the bytes that
 * really decompress (see {@link #read(Path)}), so memory use follows the data, not the header's claim. Every problem with the input
 * is an {@link IdxFormatException} naming the file and the byte offset. Writing is atomic: the bytes go to a
 * temporary file in the target's directory, which is then moved over the target, so a failed write leaves nothing
 * half-written. {@code read(write(x))} equals {@code x} for every array.
 */
public final class Idx {
    private Idx() {
    }

    /**
     * Reads the IDX file at {@code file}, raw or gzip-compressed.
     *
     * <p>Fails with an {@link IdxFormatException} naming the file and byte offset when: the file is empty or ends
     * inside the header; the magic number does not start with two zero bytes; the type code is unknown; the rank is 0
     * or above {@value IdxArray#MAX_RANK}; a dimension exceeds 2<sup>31</sup>−1; the dimensions multiply past what a
     * Java array holds; the header claims more data than the file holds (checked against the file size before
     * allocating; for gzip against the deflate limit of 1032:1, then by growing the array only as data arrives); the
     * body is truncated; bytes follow the last element; the gzip stream is corrupt. A file that is missing or cannot
     * be opened is an {@link IOException} whose message names the file and the operating system's reason.
     */
    public static IdxArray read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such IDX file (No such file or directory)");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(file.toString(), null, "cannot open the IDX file (Permission denied)");
        }
        try (in) {
            return IdxReader.read(in, file.toString(), size);
        }
    }

    /**
     * Reads one IDX array from {@code in} (raw or gzip, length unknown) up to its end; {@code source} names it in error
     * messages. The stream is not closed. Without a known length, the result array grows in bounded steps as data
     * arrives, so a header that overstates the element count cannot force a large allocation.
     */
    public static IdxArray read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        return IdxReader.read(in, Objects.requireNonNull(source, "source"), -1);
    }

    /** Writes {@code array} as a raw IDX file at {@code file}, atomically (temporary file, then move). */
    public static void write(Path file, IdxArray array) throws IOException {
        writeAtomically(file, array, false);
    }

    /** Writes {@code array} as a gzip-compressed IDX file at {@code file}, atomically (temporary file, then move). */
    public static void writeGzip(Path file, IdxArray array) throws IOException {
        writeAtomically(file, array, true);
    }

    /** Writes {@code array} as raw IDX bytes to {@code out}; the stream is flushed, not closed. */
    public static void write(OutputStream out, IdxArray array) throws IOException {
        Objects.requireNonNull(out, "out");
        BufferedOutputStream buffered = new BufferedOutputStream(out, IdxReader.CHUNK);
        IdxWriter.write(Objects.requireNonNull(array, "array"), buffered);
        buffered.flush();
    }

    private static void writeAtomically(Path file, IdxArray array, boolean gzip) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(array, "array");
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) { // IDX files go into existing folders only
            throw new NoSuchFileException(dir.toString(), null, "no such directory");
        }
        AtomicFiles.writeStream(file, raw -> {
            OutputStream out = gzip ? new GZIPOutputStream(raw, IdxReader.CHUNK) : new BufferedOutputStream(raw, IdxReader.CHUNK);
            IdxWriter.write(array, out);
            out.flush();
            if (out instanceof GZIPOutputStream z) {
                z.finish();
            }
        });
    }
}
