package org.fa4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fa4j.core.Activation;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.simd.Linalg;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * How the cost of training grows with the network: BP and FA on real MNIST at batch 100 and 1, over hidden width
 * (500, 1000, 2000, 4000 units, one hidden layer) and depth (1 to 4 hidden layers of 1000 units). Each configuration
 * warms up, then trains for at least a time budget; reported per configuration: seconds per 60 000-example epoch
 * (the measured time per example times 60 000: the big networks at batch 1 would take an hour an epoch), achieved
 * GFLOP/s at the {@link FlopCount useful FLOP count}, the peak heap (the sum of each heap pool's peak over the timed
 * steps, from a collected heap) and the live heap after them (a collection with the model still in use: the data set,
 * the weights and the trainer's buffers), and the ratio of the measured time to the FLOP count's prediction (the same rule and batch at
 * 1000 × 1, scaled by the FLOP count): 1 is cost growing exactly as the arithmetic does.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp fa-bench/target/benchmarks.jar
 * org.fa4j.bench.ScalingBenchmark DATA_DIR OUT_DIR [SECONDS [THREADS]]} (DATA_DIR holds MNIST's IDX files; SECONDS of
 * measurement per configuration, default 3; THREADS default: every core). Writes {@code scaling.json},
 * {@code scaling-width.png} and {@code scaling-depth.png} to OUT_DIR and prints one line per configuration.
 */
public final class ScalingBenchmark {
    static final int[] WIDTHS = {500, 1000, 2000, 4000};
    static final int[] DEPTHS = {1, 2, 3, 4};
    static final int[] BATCHES = {100, 1};
    static final String[] RULES = {"bp", "fa"};
    /** Examples in an MNIST training epoch: the unit of the seconds reported. */
    static final int EPOCH = 60_000;

    private ScalingBenchmark() {
    }

    /** One configuration's measurement. */
    record Row(String rule, int batch, int width, int depth, int threads, long examples, double seconds, double flopPerExample,
               double peakHeapMb, double liveHeapMb) {
        double secondsPerEpoch() {
            return seconds / examples * EPOCH;
        }

        double gflops() {
            return flopPerExample * examples / seconds / 1e9;
        }
    }

    /** Runs every configuration; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScalingBenchmark DATA_DIR OUT_DIR [SECONDS [THREADS]]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double budget = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Dataset train = Mnist.load(data).train();
        double nnz = FlopCount.meanNonZeros(train.inputs());
        Files.createDirectories(out);
        // The JIT first: the kernels of both rules at both batch sizes compiled before anything is timed.
        for (String rule : RULES) {
            for (int batch : BATCHES) {
                measure(train, rule, batch, 1000, 1, threads, 4, nnz, false);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String rule : RULES) {
            for (int batch : BATCHES) {
                for (int width : WIDTHS) {
                    rows.add(measure(train, rule, batch, width, 1, threads, budget, nnz, true));
                }
                for (int depth : DEPTHS) {
                    if (depth > 1) {
                        rows.add(measure(train, rule, batch, 1000, depth, threads, budget, nnz, true));
                    }
                }
            }
        }
        write(rows, nnz, budget, out);
    }

    /** Trains one configuration for at least {@code budget} seconds after its warm-up and times it; prints it if asked. */
    static Row measure(Dataset train, String rule, int batch, int width, int depth, int threads, double budget, double nnz, boolean print) {
        int[] sizes = new int[depth + 2];
        sizes[0] = train.inputSize();
        for (int l = 1; l <= depth; l++) {
            sizes[l] = width;
        }
        sizes[depth + 1] = 10;
        NetworkSpec.Builder b = NetworkSpec.newBuilder(sizes[0]);
        for (int l = 1; l <= depth; l++) {
            b.layer(width, Activation.logistic());
        }
        NetworkSpec spec = b.layer(10, Activation.logistic()).init(Init.uniform(0.05)).build();
        LearningRule r = rule.equals("bp") ? new Backprop() : FeedbackAlignment.uniform(0.5);
        Model m = Model.create(spec, r, 1);
        Linalg la = Linalg.newBuilder().threads(threads).build();
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1e-3).weightDecay(1e-6).batchSize(batch).seed(1).build())
                .linalg(la).build();
        // Chunks of whole batches through the training set in order, each about 20 ms (timed on the second batch), so
        // that a call's own cost is small next to its steps and the biggest networks still take several chunks.
        int[] next = {0};
        int[] one = new int[batch];
        for (int k = 0; k < 2; k++) {
            long s0 = System.nanoTime();
            advance(t, train, one, next);
            if (k == 1) {
                double dt = (System.nanoTime() - s0) / 1e9;
                one = new int[batch * (int) Math.max(1, Math.min(2000 / batch + 1, 0.02 / dt))];
            }
        }
        int[] order = one;
        int chunk = order.length;
        Runnable step = () -> advance(t, train, order, next);
        // Warm-up: until the JIT has compiled the kernels, then one budget's worth of steady steps, at least a second.
        long warmEnd = System.nanoTime() + (long) (Math.max(1, budget / 2) * 1e9);
        do {
            step.run();
        } while (System.nanoTime() < warmEnd);
        System.gc();
        resetPeaks();
        long examples = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (budget * 1e9);
        do {
            step.run();
            examples += chunk;
        } while (System.nanoTime() < end);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double peak = heapMb(true);
        System.gc();
        double live = heapMb(false); // the model, the trainer's buffers and the data, still reachable here
        Row row = new Row(rule, batch, width, depth, threads, examples, seconds, FlopCount.perExample(sizes, nnz), peak, live);
        if (print) {
            System.out.printf(Locale.ROOT, "%-2s batch %3d  %d x %4d  %9.2f s/epoch  %6.1f GFLOP/s  heap: peak %5.0f MB, live %5.0f MB%n", rule,
                    batch, depth, width, row.secondsPerEpoch(), row.gflops(), peak, live);
        }
        java.lang.ref.Reference.reachabilityFence(t); // the model and its buffers stay live through the measurement above
        return row;
    }

    /** Trains on the next {@code order.length} examples of {@code train} in order, wrapping at its end. */
    private static void advance(Trainer t, Dataset train, int[] order, int[] next) {
        for (int i = 0; i < order.length; i++) {
            order[i] = (next[0] + i) % train.size();
        }
        next[0] = (next[0] + order.length) % train.size();
        t.epoch(train.inputs(), train.targets(), order);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The heap in use now, or the peak since {@link #resetPeaks}: the sum over the heap pools, in MB. */
    private static double heapMb(boolean peak) {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += (peak ? p.getPeakUsage() : p.getUsage()).getUsed();
            }
        }
        return sum / 1e6;
    }

    /** The reference of a row: the same rule and batch at one hidden layer of 1000 units. */
    static Row reference(List<Row> rows, Row r) {
        return rows.stream().filter(x -> x.rule().equals(r.rule()) && x.batch() == r.batch() && x.width() == 1000 && x.depth() == 1)
                .findFirst().orElseThrow();
    }

    /**
     * Measured time over the FLOP count's prediction: the reference's seconds per FLOP times this row's FLOP. Above 1,
     * the configuration costs more than its arithmetic says (memory traffic once the weights leave the caches).
     */
    static double ratioToPrediction(List<Row> rows, Row r) {
        Row ref = reference(rows, r);
        double predicted = ref.secondsPerEpoch() / ref.flopPerExample() * r.flopPerExample();
        return r.secondsPerEpoch() / predicted;
    }

    private static void write(List<Row> rows, double nnz, double budget, Path out) throws IOException {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("batch", r.batch());
            m.put("width", r.width());
            m.put("depth", r.depth());
            m.put("threads", r.threads());
            m.put("examplesTimed", r.examples());
            m.put("secondsTimed", r.seconds());
            m.put("secondsPerEpoch", r.secondsPerEpoch());
            m.put("flopPerExample", r.flopPerExample());
            m.put("gflops", r.gflops());
            m.put("peakHeapMb", r.peakHeapMb());
            m.put("liveHeapMb", r.liveHeapMb());
            m.put("ratioToFlopPrediction", ratioToPrediction(rows, r));
            json.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("meanNonZeroPixels", nnz);
        doc.put("secondsPerConfiguration", budget);
        doc.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        doc.put("rows", json);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("scaling.json").toFile(), doc);
        chart(rows, "width", out.resolve("scaling-width"));
        chart(rows, "depth", out.resolve("scaling-depth"));
    }

    /** Seconds per epoch against width (one hidden layer) or depth (1000 units a layer), log-log, one line per rule and batch. */
    private static void chart(List<Row> rows, String axis, Path file) throws IOException {
        boolean width = axis.equals("width");
        XYChart c = new XYChartBuilder().width(800).height(520).title(width ? "Seconds per MNIST epoch against hidden width (1 hidden layer)"
                : "Seconds per MNIST epoch against depth (hidden layers of 1000)").xAxisTitle(width ? "hidden units" : "hidden layers")
                .yAxisTitle("seconds per epoch").build();
        c.getStyler().setYAxisLogarithmic(true).setXAxisLogarithmic(width);
        for (String rule : RULES) {
            for (int batch : BATCHES) {
                List<Row> line = rows.stream().filter(r -> r.rule().equals(rule) && r.batch() == batch && (width ? r.depth() == 1 : r.width() == 1000))
                        .sorted((a, b) -> width ? Integer.compare(a.width(), b.width()) : Integer.compare(a.depth(), b.depth())).toList();
                double[] x = line.stream().mapToDouble(r -> width ? r.width() : r.depth()).toArray();
                double[] y = line.stream().mapToDouble(Row::secondsPerEpoch).toArray();
                c.addSeries(rule.toUpperCase(Locale.ROOT) + ", batch " + batch, x, y);
            }
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
