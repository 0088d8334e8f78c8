package org.fa4j.datasets.idx;

import java.io.IOException;

/**
 * An IDX file (or stream) is malformed: its message names the source and the byte offset where the problem lies.
 *
 * <p>Offsets count bytes of the IDX data: for a gzip-compressed file they are offsets into the decompressed stream,
 * which the message says.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;

    /** A problem in {@code source} at byte {@code offset}, described by {@code problem}. */
    public IdxFormatException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    /** As {@link #IdxFormatException(String, long, String)}, caused by {@code cause}. */
    public IdxFormatException(String source, long offset, String problem, Throwable cause) {
        super(source + ": at byte offset " + offset + ": " + problem, cause);
        this.source = source;
        this.offset = offset;
    }

    /** The file name or stream description the problem was found in. */
    public String source() {
        return source;
    }

    /** The byte offset of the problem (into the decompressed data for a gzip file). */
    public long offset() {
        return offset;
    }
}
