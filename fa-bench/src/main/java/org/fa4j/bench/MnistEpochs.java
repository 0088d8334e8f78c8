package org.fa4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fa4j.core.Activation;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * Times feedback-alignment epochs on real MNIST (784-1000-10, logistic, squared error) with the settings of
 * {@code shared/peers/numpy_fa_mnist.py}: η = 1e-3, ω = 0.05, β = 0.5, α = 1e-6, same batch size. The first epoch
 * includes the JIT's warm-up. {@code fa-bench/mnist-compare.sh} runs it next to the NumPy peer. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp fa-bench/target/benchmarks.jar org.fa4j.bench.MnistEpochs
 * DATA_DIR BATCH EPOCHS [THREADS]}; prints one line per epoch: seconds (training only), test error, GFLOP/s at the
 * dense count of {@value #FLOP_PER_EXAMPLE} FLOP per example, and the fraction of the FLOP floor (that count at
 * {@value #PEAK_GFLOPS_PER_CORE} GFLOP/s per thread, the micro-kernel's one-core FMA peak on the project's machine).
 */
public final class MnistEpochs {
    /** Forward 784·1000 + 1000·10 multiply-adds, feedback 10·1000, two weight updates: ≈ 4.8 MFLOP per example. */
    static final double FLOP_PER_EXAMPLE = 4.8e6;
    /** The micro-kernel's FMA peak on one core of the project's machine (docs/performance.md). */
    static final double PEAK_GFLOPS_PER_CORE = 170;

    private MnistEpochs() {
    }

    /** Runs the epochs; see the class comment for the arguments. */
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
            double flop = x.rows() * FLOP_PER_EXAMPLE;
            System.out.printf(Locale.ROOT, "epoch %d rule fa batch %d threads %d path %s seconds %.3f (main-thread cpu %.3f) test_error %.2f%%"
                    + " GFLOP/s %.1f floor_fraction %.3f%n", e + 1, batch, threads, la.path(), s, cpu, 100 * err, flop / s / 1e9,
                    flop / (PEAK_GFLOPS_PER_CORE * 1e9 * threads) / s);
        }
    }

    /** The IDX file {@code p} positioned after its magic number, which must be {@code magic}. */
    private static ByteBuffer idx(Path p, int magic) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        int found = b.getInt();
        if (found != magic) {
            throw new IOException(p + ": magic " + Integer.toHexString(found) + " at offset 0, expected " + Integer.toHexString(magic));
        }
        return b;
    }

    static Matrix images(Path p) throws IOException {
        ByteBuffer b = idx(p, 0x803);
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
        ByteBuffer b = idx(p, 0x801);
        int n = b.getInt();
        Matrix m = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            m.set(i, b.get() & 0xff, 1f);
        }
        return m;
    }
}
