package org.fa4j.core;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.NodePerturbation;
import org.fa4j.core.rule.Shallow;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * Not a test by itself: the body of {@link AllocationTest}, run in a fresh JVM started with {@code -Xbatch}. For each
 * kernel path, rule, batch size (1 and 10) and input (dense, and ~80% zeros for layer 0's sparse path) it trains a
 * 20-30-5 network epoch after epoch (203 examples, so each epoch also has a short final batch of 3) until an epoch
 * allocates nothing on this thread (at least {@link #MIN_WARM_EPOCHS}) or {@link #MAX_WARM_EPOCHS} have run, then prints the least bytes allocated by the
 * next {@link #MEASURED_EPOCHS} epochs, one line per case: {@code case <path> <rule> batch <b> <input>: <bytes> bytes
 * per epoch after <w> warm-up epochs}. A last case runs on two threads (see {@link #measureTwoThreads()}).
 *
 * <p>Why a fresh JVM with {@code -Xbatch}: the vector path runs its Vector API code in the interpreter or C1 (where
 * every vector is an object) until C2 has compiled it, and C2 recompiles after each uncommon trap (a shape or branch
 * first seen late, e.g. the final short batch). With background compilation the time that takes depends on the load
 * of the machine (here up to ~2000 epochs); {@code -Xbatch} makes each compilation finish before the code runs on, so
 * the warm-up needed depends on the code alone (at most 214 epochs measured).
 */
public final class AllocationProbe {
    static final int MIN_WARM_EPOCHS = 30;
    static final int MAX_WARM_EPOCHS = 800;
    static final int MEASURED_EPOCHS = 5;

    private AllocationProbe() {
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    public static void main(String[] args) {
        Matrix dense = Data.gaussian(203, 20, 1);
        Matrix sparse = fourFifthsZero(dense.copy()); // layer 0 takes the sparse path
        Matrix y = Data.oneHot(203, 5, 2);
        int[] order = order();
        for (KernelPath path : KernelPath.values()) {
            for (LearningRule rule : List.of(new Backprop(), FeedbackAlignment.uniform(0.5), new Shallow(), new NodePerturbation(0.05))) {
                for (int batch : new int[] {1, 10}) {
                    for (Matrix x : List.of(dense, sparse)) {
                        measure(path, rule, batch, x, x == dense ? "dense" : "sparse", y, order);
                    }
                }
            }
        }
        measureTwoThreads();
        System.out.println("done");
    }

    /**
     * One more case on two threads, where GEMM, the sparse products and the element-wise operations split their work
     * with fa-simd's pool: feedback alignment, batch 100 of ~80% zeros through a 784-700-10 network (every product and
     * the hidden layer's element-wise operations are past their thresholds). Counts the bytes of every thread.
     */
    private static void measureTwoThreads() {
        Matrix x = fourFifthsZero(Data.gaussian(203, 784, 3));
        Matrix y = Data.oneHot(203, 10, 4);
        int[] order = order();
        Model m = Model.create(Data.logistic(784, 700, 10), FeedbackAlignment.uniform(0.5), 1);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.01).batchSize(100).build())
                .linalg(Linalg.newBuilder().path(KernelPath.VECTOR).threads(2).build()).build();
        t.stepsInOrder(x, y, order); // starts the pool's worker
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = Thread.getAllStackTraces().keySet().stream().mapToLong(Thread::threadId).toArray();
        long[] result = leastBytesPerEpoch(() -> t.stepsInOrder(x, y, order), () -> allThreads(mx, ids), 1);
        System.out.printf(Locale.ROOT, "case VECTOR feedback-alignment batch 100 sparse-two-threads: %d bytes per epoch after %d warm-up epochs%n",
                result[0], result[1]);
    }

    /**
     * Runs {@code epoch} until one allocates nothing by {@code bytes} (at least {@link #MIN_WARM_EPOCHS} epochs counting
     * the {@code done} already run, at most {@link #MAX_WARM_EPOCHS}), then returns the least bytes of the next
     * {@link #MEASURED_EPOCHS} epochs, less the cost of reading {@code bytes} itself, and the warm-up epochs.
     */
    private static long[] leastBytesPerEpoch(Runnable epoch, java.util.function.LongSupplier bytes, int done) {
        long overhead = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            long before = bytes.getAsLong();
            overhead = Math.min(overhead, bytes.getAsLong() - before);
        }
        int warm = done;
        while (warm < MAX_WARM_EPOCHS) {
            long before = bytes.getAsLong();
            epoch.run();
            warm++;
            if (bytes.getAsLong() - before - overhead <= 0 && warm >= MIN_WARM_EPOCHS) {
                break;
            }
        }
        // Any allocation inside a step shows in every epoch (≥ 16 bytes × 21 or 203 steps); a one-off would not.
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < MEASURED_EPOCHS; attempt++) {
            long before = bytes.getAsLong();
            epoch.run();
            least = Math.min(least, bytes.getAsLong() - before - overhead);
        }
        return new long[] {least, warm};
    }

    /** {@code m} with four entries in five set to 0 (a fixed pattern), for layer 0's sparse path. */
    private static Matrix fourFifthsZero(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if ((i * 7 + j * 3) % 5 != 0) {
                    m.set(i, j, 0f);
                }
            }
        }
        return m;
    }

    /** A fixed permutation of the 203 examples (37 is prime to 203). */
    private static int[] order() {
        int[] order = new int[203];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 37) % 203;
        }
        return order;
    }

    /** Bytes allocated so far by the threads {@code ids} (the array returned by the bean is the measuring overhead). */
    private static long allThreads(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long b : mx.getThreadAllocatedBytes(ids)) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    private static void measure(KernelPath path, LearningRule rule, int batch, Matrix x, String input, Matrix y, int[] order) {
        Model m = Model.create(Data.logistic(20, 30, 5), rule, 1);
        double[] sink = new double[1];
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.01).batchSize(batch).build())
                .linalg(Linalg.newBuilder().path(path).threads(1).build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(StepContext s) {
                        sink[0] += s.loss();
                    }
                }).build();
        long[] result = leastBytesPerEpoch(() -> t.stepsInOrder(x, y, order), AllocationProbe::allocatedBytes, 0);
        if (!(sink[0] > 0)) {
            throw new IllegalStateException("the listener saw no loss");
        }
        System.out.printf(Locale.ROOT, "case %s %s batch %d %s: %d bytes per epoch after %d warm-up epochs%n", path, rule.name(), batch,
                input, result[0], result[1]);
    }
}
