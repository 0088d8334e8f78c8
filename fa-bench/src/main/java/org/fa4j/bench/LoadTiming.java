package org.fa4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.idx.Idx;

/**
 * Prints how long loading MNIST takes from raw and from gzip files (and Fashion-MNIST, which is gzip). Run after
 * {@code ./mvnw -q -pl fa-bench -am package -DskipTests}:
 * {@code java -cp fa-bench/target/benchmarks.jar org.fa4j.bench.LoadTiming [data-dir] [repeats]}.
 */
public final class LoadTiming {
    private LoadTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path mnist = data.resolve("mnist");
        Path gzDir = Files.createTempDirectory("fa4j-mnist-gz");
        try {
            for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte"}) {
                try (InputStream in = Files.newInputStream(mnist.resolve(f));
                     OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzDir.resolve(f + ".gz")), 1 << 16)) {
                    in.transferTo(out);
                }
            }
            System.out.printf("JVM %s, %d repeats, times in ms (min / median)%n", Runtime.version(), repeats);
            time("Mnist.load, MNIST raw (4 files, 55 MB)", repeats, () -> Mnist.load(mnist));
            time("Mnist.load, MNIST gzip (4 files, " + Files.size(gzDir.resolve("train-images-idx3-ubyte.gz")) / 1000_000
                    + "+ MB)", repeats, () -> Mnist.load(gzDir));
            time("Mnist.load, Fashion-MNIST gzip (Debian files)", repeats, () -> Mnist.load(data.resolve("fashion-mnist")));
            time("Idx.read train-images raw (47 MB, no float conversion)", repeats,
                    () -> Idx.read(mnist.resolve("train-images-idx3-ubyte")));
            time("Idx.read train-images gzip (fa4j's strict gzip decoder)", repeats,
                    () -> Idx.read(gzDir.resolve("train-images-idx3-ubyte.gz")));
            time("JDK GZIPInputStream.readAllBytes of the same file (reference)", repeats, () -> {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzDir.resolve("train-images-idx3-ubyte.gz")), 1 << 16)) {
                    return in.readAllBytes();
                }
            });
        } finally {
            try (var files = Files.list(gzDir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(gzDir);
        }
    }

    private interface Load {
        Object run() throws IOException;
    }

    private static void time(String what, int repeats, Load load) throws IOException {
        load.run(); // warm-up
        long[] ns = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Object result = load.run();
            ns[i] = System.nanoTime() - t0;
            if (result == null) {
                throw new AssertionError();
            }
        }
        Arrays.sort(ns);
        System.out.printf("%-62s %7.1f / %7.1f%n", what, ns[0] / 1e6, ns[repeats / 2] / 1e6);
    }
}
