package org.fa4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * Not a test: times feedback-alignment epochs on real MNIST (784-1000-10, logistic, squared error) with the settings of
 * {@code shared/peers/numpy_fa_mnist.py}: η = 1e-3, ω = 0.05, β = 0.5, α = 1e-6. Usage:
 * {@code MnistEpochTiming DATA_DIR BATCH EPOCHS [THREADS]}. Prints seconds per epoch (training only) and test error.
 */
public final class MnistEpochTiming {
    private MnistEpochTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Matrix x = images(dir.resolve("train-images-idx3-ubyte"));
        Matrix y = oneHot(dir.resolve("train-labels-idx1-ubyte"));
        Matrix tx = images(dir.resolve("t10k-images-idx3-ubyte"));
        Matrix ty = oneHot(dir.resolve("t10k-labels-idx1-ubyte"));
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(1000, Activation.logistic()).layer(10, Activation.logistic())
                .init(Init.uniform(0.05)).build();
        Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 1);
        Linalg la = Linalg.newBuilder().threads(threads).build();
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1e-3).weightDecay(1e-6).batchSize(batch).epochs(1).seed(1).build())
                .linalg(la).build();
        for (int e = 0; e < epochs; e++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            t.fit(x, y);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            double err = Evaluation.of(m, tx, ty, la).errorRate();
            System.out.printf(Locale.ROOT, "epoch %d rule fa batch %d threads %d path %s seconds %.3f (main-thread cpu %.3f) test_error %.2f%% GFLOP/s %.1f%n", e + 1, batch,
                    threads, la.path(), s, cpu, 100 * err, 60000 * 4.8e6 / s / 1e9);
        }
    }

    static Matrix images(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        int magic = b.getInt();
        if (magic != 0x803) {
            throw new IOException(p + ": magic " + Integer.toHexString(magic) + " at offset 0, expected 803");
        }
        int n = b.getInt();
        int r = b.getInt();
        int c = b.getInt();
        Matrix m = Matrix.zeros(n, r * c);
        float[] d = m.array();
        for (int i = 0; i < d.length; i++) {
            d[i] = (b.get() & 0xff) / 255f;
        }
        return m;
    }

    static Matrix oneHot(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        int magic = b.getInt();
        if (magic != 0x801) {
            throw new IOException(p + ": magic " + Integer.toHexString(magic) + " at offset 0, expected 801");
        }
        int n = b.getInt();
        Matrix m = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            m.set(i, b.get() & 0xff, 1f);
        }
        return m;
    }
}
