package org.fa4j.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.TrainTest;
import org.fa4j.experiments.ConfigTrial;
import org.fa4j.experiments.TrainRunConfig;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.VectorSupport;

/**
 * Runs one {@link Trial} on one thread, in whichever process it lands: the local engine's threads and a Spark
 * executor's tasks both call {@link #run}. Each process reads a data set once and keeps it for every later trial
 * ({@code <data>/<dataset>}, held until the process ends).
 */
public final class TrialRunner {
    private static final Map<Path, TrainTest> DATA = new ConcurrentHashMap<>();
    private static final String HOST = host();

    private TrialRunner() {
    }

    /** Trains {@code trial} on the data under {@code dataDir} ({@code <dataDir>/<dataset>} holds the four IDX files). */
    public static TrialResult run(Trial trial, Path dataDir) {
        TrainRunConfig c = trial.config();
        TrainTest tt = data(dataDir.toAbsolutePath().normalize().resolve(c.dataset()));
        Dataset train = slice(tt.train(), trial.trainExamples(), "trainExamples", trial);
        Dataset test = slice(tt.test(), trial.testExamples(), "testExamples", trial);
        long start = System.nanoTime();
        long pid = ProcessHandle.current().pid();
        try {
            ConfigTrial r = ConfigTrial.run(c, train, test, 0, Linalg.defaults().withThreads(1));
            return new TrialResult(trial.key(), "complete", null, r.testErrorPerEpoch(), r.trainLossPerEpoch(), kernels(), HOST, pid,
                    (System.nanoTime() - start) / 1e9);
        } catch (TrainingDivergedException e) {
            return new TrialResult(trial.key(), "diverged", e.getMessage(), new double[0], new double[0], kernels(), HOST, pid,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** The kernel path of this process: "vector-&lt;bits&gt;" or "scalar". */
    public static String kernels() {
        return VectorSupport.path() == KernelPath.VECTOR ? "vector-" + VectorSupport.preferredBits() : "scalar";
    }

    /** The data set in {@code dir}, read on first use in this process. */
    static TrainTest data(Path dir) {
        return DATA.computeIfAbsent(dir, d -> {
            try {
                return Mnist.load(d);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the data set in " + d + " on " + HOST + ": " + e.getMessage()
                        + " (run ./fa4j fetch-data there, or point --data-dir at a copy every machine can read)", e);
            }
        });
    }

    private static Dataset slice(Dataset d, int n, String field, Trial t) {
        if (n == 0) {
            return d;
        }
        if (n > d.size()) {
            throw new IllegalArgumentException("sweep " + t.sweep() + ": " + field + " is " + n + " but the data set has "
                    + d.size() + " examples");
        }
        return d.rows(0, n);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
