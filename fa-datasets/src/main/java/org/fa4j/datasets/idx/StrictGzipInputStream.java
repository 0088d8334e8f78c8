package org.fa4j.datasets.idx;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip decoder (RFC 1952) that, unlike {@link java.util.zip.GZIPInputStream}, rejects bytes after the last member
 * instead of silently ignoring them, and names the compressed byte offset of every problem.
 *
 * <p>Concatenated members are decoded one after the other, as gzip does. Each member's CRC-32 and length are checked
 * against its trailer. Errors are {@link ZipException}s (corrupt data) or {@link EOFException}s (the file ends
 * early); the IDX reader turns both into an {@link IdxFormatException}.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf;
    private long bufStart; // compressed offset of buf[0]
    private int bufPos;
    private int bufLen;
    private long memberBytes;
    private boolean eof;

    /** Reads and checks the first member's header. */
    StrictGzipInputStream(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buf = new byte[bufferSize];
        readHeader();
    }

    private long offset() {
        return bufStart + bufPos;
    }

    /** The next compressed byte, or -1 at the end of the input. */
    private int nextByte() throws IOException {
        if (bufPos == bufLen) {
            bufStart += bufLen;
            bufPos = 0;
            bufLen = Math.max(0, in.read(buf, 0, buf.length));
            if (bufLen == 0) {
                return -1;
            }
        }
        return buf[bufPos++] & 0xFF;
    }

    private int requireByte(String where) throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new EOFException("the gzip file ends inside " + where + " at compressed offset " + offset());
        }
        return b;
    }

    private long readLittleEndian(int bytes, String where) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) requireByte(where) << (8 * i);
        }
        return v;
    }

    private void readHeader() throws IOException {
        long start = offset();
        int id1 = requireByte("a member header");
        int id2 = requireByte("a member header");
        if (id1 != 0x1F || id2 != 0x8B) {
            throw new ZipException(String.format("trailing garbage after the gzip data: the bytes 0x%02X 0x%02X at compressed "
                    + "offset %d start neither another gzip member nor the end of the file", id1, id2, start));
        }
        int method = requireByte("a member header");
        if (method != 8) {
            throw new ZipException("unsupported gzip compression method " + method + " at compressed offset " + (start + 2)
                    + " (only 8, deflate, exists)");
        }
        int flags = requireByte("a member header");
        if ((flags & 0xE0) != 0) {
            throw new ZipException(String.format("reserved gzip flag bits set (flags 0x%02X) at compressed offset %d", flags, start + 3));
        }
        readLittleEndian(6, "a member header"); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            long xlen = readLittleEndian(2, "the extra field");
            for (long i = 0; i < xlen; i++) {
                requireByte("the extra field");
            }
        }
        if ((flags & FNAME) != 0) {
            while (requireByte("the file name") != 0) {
                // skip the zero-terminated name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (requireByte("the comment") != 0) {
                // skip the zero-terminated comment
            }
        }
        if ((flags & FHCRC) != 0) {
            readLittleEndian(2, "the header CRC");
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        feedInflater();
    }

    /** Hands the unread part of the buffer to the inflater, which then owns it. */
    private void feedInflater() {
        inflater.setInput(buf, bufPos, bufLen - bufPos);
        bufPos = bufLen;
    }

    /** Takes back from the inflater the bytes it did not consume. */
    private void reclaimFromInflater() {
        bufPos = bufLen - inflater.getRemaining();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!eof) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                reclaimFromInflater();
                throw new ZipException("invalid deflate data near compressed offset " + offset() + ": " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                reclaimFromInflater();
                finishMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("the deflate data asks for a preset dictionary, which gzip does not allow");
            } else if (inflater.needsInput()) {
                if (nextByte() < 0) {
                    throw new EOFException("the gzip file ends inside compressed data at compressed offset " + offset()
                            + " (truncated)");
                }
                bufPos--; // give the byte just read back, with the rest of the buffer
                feedInflater();
            }
        }
        return -1;
    }

    private void finishMember() throws IOException {
        long trailerAt = offset();
        long storedCrc = readLittleEndian(4, "the member trailer");
        long storedSize = readLittleEndian(4, "the member trailer");
        if (storedCrc != crc.getValue()) {
            throw new ZipException(String.format("CRC-32 mismatch in the gzip trailer at compressed offset %d: stored %08x, "
                    + "data gives %08x", trailerAt, storedCrc, crc.getValue()));
        }
        if (storedSize != (memberBytes & 0xFFFFFFFFL)) {
            throw new ZipException("length mismatch in the gzip trailer at compressed offset " + (trailerAt + 4) + ": stored "
                    + storedSize + ", data has " + memberBytes + " bytes");
        }
        if (nextByte() < 0) {
            eof = true;
            return;
        }
        bufPos--;
        readHeader(); // another member, or garbage
    }

    /** Frees the inflater's native memory without closing the underlying stream (which the caller owns). */
    void release() {
        inflater.end();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
