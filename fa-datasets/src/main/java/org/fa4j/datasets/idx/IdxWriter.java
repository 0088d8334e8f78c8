package org.fa4j.datasets.idx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes an {@link IdxArray} as IDX bytes: the magic number, the big-endian dimensions, the big-endian elements. */
final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes {@code array} to {@code out} (not closed, not flushed). */
    static void write(IdxArray array, OutputStream out) throws IOException {
        IdxType type = array.type();
        int[] shape = array.shape();
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * shape.length).order(ByteOrder.BIG_ENDIAN);
        header.put((byte) 0).put((byte) 0).put((byte) type.code()).put((byte) shape.length);
        for (int d : shape) {
            header.putInt(d);
        }
        out.write(header.array());
        int n = array.size();
        if (type.bytes() == 1) {
            out.write(array.bytes(), 0, n);
            return;
        }
        byte[] chunk = new byte[IdxReader.CHUNK];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int perChunk = IdxReader.CHUNK / type.bytes();
        Object data = array.data();
        for (int from = 0; from < n; from += perChunk) {
            int len = Math.min(perChunk, n - from);
            view.clear();
            switch (type) {
                case SHORT -> view.asShortBuffer().put((short[]) data, from, len);
                case INT -> view.asIntBuffer().put((int[]) data, from, len);
                case FLOAT -> view.asFloatBuffer().put((float[]) data, from, len);
                case DOUBLE -> view.asDoubleBuffer().put((double[]) data, from, len);
                default -> throw new AssertionError(type);
            }
            out.write(chunk, 0, len * type.bytes());
        }
    }
}
