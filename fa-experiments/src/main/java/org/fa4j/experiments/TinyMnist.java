package org.fa4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.idx.Idx;
import org.fa4j.datasets.idx.IdxArray;

/**
 * A tiny MNIST-shaped data set for command-line and training tests: the four IDX files of {@code <data>/<dataset>}
 * with 6 × 6 images, 100 training and 30 test examples. Class {@code k} lights pixels {@code k} and {@code k + 18}
 * on a dim noisy background, so a small network learns it within a few epochs.
 */
public final class TinyMnist {
    static final int SIDE = 6;
    static final int TRAIN = 100;
    static final int TEST = 30;

    private TinyMnist() {
    }

    /** Writes the four files under {@code data/dataset} and returns that directory. */
    public static Path write(Path data, String dataset) throws IOException {
        Path dir = Files.createDirectories(data.resolve(dataset));
        SplittableRandom r = new SplittableRandom(20261127L);
        write(dir.resolve(Mnist.TRAIN_IMAGES), dir.resolve(Mnist.TRAIN_LABELS), TRAIN, r);
        write(dir.resolve(Mnist.TEST_IMAGES), dir.resolve(Mnist.TEST_LABELS), TEST, r);
        return dir;
    }

    private static void write(Path imageFile, Path labelFile, int n, SplittableRandom r) throws IOException {
        int px = SIDE * SIDE;
        byte[] images = new byte[n * px];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels[i] = (byte) k;
            for (int p = 0; p < px; p++) {
                images[i * px + p] = (byte) r.nextInt(40);
            }
            images[i * px + k] = (byte) (200 + r.nextInt(56));
            images[i * px + k + 18] = (byte) (200 + r.nextInt(56));
        }
        Idx.write(imageFile, IdxArray.ofUnsignedBytes(images, n, SIDE, SIDE));
        Idx.write(labelFile, IdxArray.ofUnsignedBytes(labels, n));
    }

    /** A config for the tiny set: 16 tanh hidden units, the given rule and data set, η 0.5 per example, ω 0.5,
     * 2 epochs (test error about 0.93 → 0.13 with FA), 1 trial, seed 7. */
    public static String config(String dataset, String rule) {
        return "{\"version\":1,\"dataset\":\"" + dataset + "\",\"hiddenSizes\":[16],\"hidden\":\"tanh\",\"output\":\"logistic\","
                + "\"rule\":\"" + rule + "\",\"eta\":0.5,\"batchScaling\":\"mean\",\"batch\":1,\"epochs\":2,\"weightDecay\":0,\"omega\":0.5,\"beta\":0.5,"
                + "\"trials\":1,\"seed\":7,\"schedule\":\"constant\"}";
    }

    /** A config that diverges at once: ReLU hidden units, a linear output, ω 5 and η 9 per example. */
    public static String divergingConfig() {
        return "{\"version\":1,\"dataset\":\"mnist\",\"hiddenSizes\":[16],\"hidden\":\"relu\",\"output\":\"linear\","
                + "\"rule\":\"bp\",\"eta\":9,\"batchScaling\":\"mean\",\"batch\":1,\"epochs\":3,\"weightDecay\":0,\"omega\":5,\"beta\":0.5,"
                + "\"trials\":1,\"seed\":7,\"schedule\":\"constant\"}";
    }
}
