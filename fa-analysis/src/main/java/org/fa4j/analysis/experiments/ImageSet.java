package org.fa4j.analysis.experiments;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-format images (IDX, raw or .gz), pixels scaled to [0, 1], with their labels; row i of {@code pixels} is image
 * i. A minimal reader for the experiments (fa-datasets offers the full one).
 *
 * @param pixels n × 784 row-major
 * @param labels n labels in 0..9
 * @param rows   image height
 * @param cols   image width
 */
record ImageSet(float[] pixels, int[] labels, int rows, int cols) {

    int size() {
        return labels.length;
    }

    int features() {
        return rows * cols;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    ImageSet slice(int from, int to) {
        int f = features();
        float[] p = new float[(to - from) * f];
        System.arraycopy(pixels, from * f, p, 0, p.length);
        int[] l = new int[to - from];
        System.arraycopy(labels, from, l, 0, l.length);
        return new ImageSet(p, l, rows, cols);
    }

    /** Loads {@code <dir>/<prefix>-images-idx3-ubyte[.gz]} and the labels; {@code prefix} is "train" or "t10k". */
    static ImageSet load(Path dir, String prefix) {
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        try (DataInputStream in = open(images); DataInputStream lin = open(labels)) {
            int magic = in.readInt();
            if (magic != 0x803) {
                throw new IllegalArgumentException(images + ": magic number at byte 0 is 0x" + Integer.toHexString(magic) + ", expected 0x803");
            }
            int n = in.readInt();
            int r = in.readInt();
            int c = in.readInt();
            int lmagic = lin.readInt();
            if (lmagic != 0x801) {
                throw new IllegalArgumentException(labels + ": magic number at byte 0 is 0x" + Integer.toHexString(lmagic) + ", expected 0x801");
            }
            int ln = lin.readInt();
            if (ln != n) {
                throw new IllegalArgumentException(labels + " holds " + ln + " labels at byte 4, but " + images + " holds " + n + " images");
            }
            byte[] raw = new byte[n * r * c];
            in.readFully(raw);
            float[] px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                px[i] = (raw[i] & 0xFF) / 255f;
            }
            byte[] lb = new byte[n];
            lin.readFully(lb);
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = lb[i];
                if (l[i] < 0 || l[i] > 9) {
                    throw new IllegalArgumentException(labels + ": label " + l[i] + " at byte " + (8 + i) + ", expected 0..9");
                }
            }
            return new ImageSet(px, l, r, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + images + " / " + labels, e);
        }
    }

    private static Path find(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.exists(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        throw new IllegalStateException("missing " + raw + " (or .gz): run ./fa4j fetch-data (or bin/fetch-data) first");
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }
}
