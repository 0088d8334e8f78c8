package org.fa4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fa4j.datasets.idx.Idx;
import org.fa4j.datasets.idx.IdxArray;
import org.fa4j.datasets.idx.IdxFormatException;
import org.fa4j.datasets.idx.IdxType;
import org.fa4j.simd.Matrix;

/**
 * Loads MNIST or Fashion-MNIST (the same file format) from a directory holding the four standard IDX files.
 *
 * <p>Each file may be raw or gzip-compressed and may use either usual name: {@code train-images-idx3-ubyte} or
 * {@code train-images.idx3-ubyte}, with or without {@code .gz} (likewise {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}). When several variants of one file are present,
 * the first of raw dash-named, raw dot-named, gzip dash-named, gzip dot-named is used.
 *
 * <p>Inputs are {@code float}s in [0, 1]: each pixel value {@code p} (0 to 255) becomes {@code p / 255f}, so 0 stays
 * 0.0 and 255 becomes exactly 1.0; each image is one row of {@code rows × cols} (784 for 28 × 28) values, in the
 * file's row-major pixel order. Labels are ints 0 to 9; the optional targets are one-hot rows
 * (1.0 at the label's column, 0.0 elsewhere). The image and label files must hold the same number of examples.
 */
public final class Mnist {
    /** The number of classes of MNIST and Fashion-MNIST. */
    public static final int CLASSES = 10;
    /** The training images' standard file name (as {@code bin/fetch-data} writes it). */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** The training labels' standard file name. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** The test images' standard file name. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** The test labels' standard file name. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** {@code PIXEL_VALUES[p] = p / 255f}: a table lookup instead of a division per pixel (same values). */
    private static final float[] PIXEL_VALUES = new float[256];

    static {
        for (int p = 0; p < 256; p++) {
            PIXEL_VALUES[p] = p / 255f;
        }
    }

    private Mnist() {
    }

    /**
     * Whether {@code directory} holds the four files {@link #load(Path)} reads, each under one of the names it accepts
     * (what {@code bin/fetch-data} checks before it downloads).
     */
    public static boolean hasFiles(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            for (String name : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
                find(directory, name);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * The four files {@link #load(Path)} reads from {@code directory}: training images and labels, test images and
     * labels, each under the first usual name found (see the class comment).
     */
    public static List<Path> files(Path directory) throws NoSuchFileException {
        Objects.requireNonNull(directory, "directory");
        return List.of(find(directory, TRAIN_IMAGES), find(directory, TRAIN_LABELS), find(directory, TEST_IMAGES),
                find(directory, TEST_LABELS));
    }

    /** Loads the training and test sets from {@code directory}, with one-hot targets and labels. */
    public static TrainTest load(Path directory) throws IOException {
        return load(directory, true);
    }

    /** Loads the training and test sets from {@code directory}; one-hot targets only when {@code oneHotTargets}. */
    public static TrainTest load(Path directory, boolean oneHotTargets) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Dataset train = load(find(directory, TRAIN_IMAGES), find(directory, TRAIN_LABELS), oneHotTargets);
        Dataset test = load(find(directory, TEST_IMAGES), find(directory, TEST_LABELS), oneHotTargets);
        return new TrainTest(train, test);
    }

    /**
     * Loads one image file ({@code n × rows × cols} unsigned bytes) and its label file ({@code n} unsigned bytes,
     * each 0 to 9) as a data set.
     */
    public static Dataset load(Path images, Path labels, boolean oneHotTargets) throws IOException {
        IdxArray img = Idx.read(images);
        if (img.type() != IdxType.UNSIGNED_BYTE || img.rank() != 3) {
            throw new IdxFormatException(images.toString(), 2, "an image file holds rank-3 UNSIGNED_BYTE data, this one "
                    + img + " does not");
        }
        IdxArray lab = Idx.read(labels);
        if (lab.type() != IdxType.UNSIGNED_BYTE || lab.rank() != 1) {
            throw new IdxFormatException(labels.toString(), 2, "a label file holds rank-1 UNSIGNED_BYTE data, this one "
                    + lab + " does not");
        }
        int n = img.dim(0);
        if (lab.dim(0) != n) {
            throw new IdxFormatException(labels.toString(), 4, "holds " + lab.dim(0) + " labels, but the image file "
                    + images + " holds " + n + " images: the counts must agree");
        }
        int[] y = new int[n];
        byte[] lb = lab.bytes();
        for (int i = 0; i < n; i++) {
            y[i] = lb[i] & 0xFF;
            if (y[i] >= CLASSES) {
                throw new IdxFormatException(labels.toString(), 8L + i, "label " + i + " is " + y[i] + ", expected 0 to "
                        + (CLASSES - 1));
            }
        }
        int pixels = img.dim(1) * img.dim(2);
        byte[] px = img.bytes();
        float[] x = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            x[i] = PIXEL_VALUES[px[i] & 0xFF];
        }
        return new Dataset(Matrix.wrap(n, pixels, x), oneHotTargets ? oneHot(y, CLASSES) : null, y);
    }

    /** An {@code n × classes} matrix with 1.0 at {@code (i, labels[i])} and 0.0 elsewhere. */
    public static Matrix oneHot(int[] labels, int classes) {
        Matrix t = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0 to " + (classes - 1));
            }
            t.set(i, labels[i], 1f);
        }
        return t;
    }

    /** The file of standard name {@code name} ({@link #TRAIN_IMAGES}, ...) in {@code dir}, under any usual name. */
    private static Path find(Path dir, String name) throws NoSuchFileException {
        int k = name.lastIndexOf("-idx");
        return find(dir, name.substring(0, k), name.substring(k + 1));
    }

    /** The file for {@code stem} ("train-images") and {@code kind} ("idx3-ubyte") in {@code dir}, under any usual name. */
    static Path find(Path dir, String stem, String kind) throws NoSuchFileException {
        List<String> tried = new ArrayList<>();
        for (String suffix : new String[] {"", ".gz"}) {
            for (String sep : new String[] {"-", "."}) {
                String name = stem + sep + kind + suffix;
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
                tried.add(name);
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "no " + stem + " file; looked for " + String.join(", ", tried)
                + " (bin/fetch-data puts MNIST and Fashion-MNIST under data/)");
    }
}
