package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * After warm-up (workspaces exist, the JIT has compiled the step), an epoch of steps allocates nothing on this
     * thread, for online and mini-batch training, with a listener attached. A short partial final batch is included,
     * so both cached workspaces are exercised. Measured over a whole epoch of 203 examples. Runs on the scalar kernels:
     * this checks fa-core's own code; fa-simd's vector GEMM currently allocates (boxed vectors where C2 does not inline
     * its store helper), which the JMH TrainingStepBenchmark shows with -prof gc.
     */
    @Test
    void steadyStateTrainingStepsAllocateNothing() {
        Matrix dense = Data.gaussian(203, 20, 1);
        Matrix sparse = dense.copy(); // ~80% zeros: layer 0 takes the sparse path
        for (int i = 0; i < 203; i++) {
            for (int j = 0; j < 20; j++) {
                if ((i * 7 + j * 3) % 5 != 0) {
                    sparse.set(i, j, 0f);
                }
            }
        }
        Matrix y = Data.oneHot(203, 5, 2);
        int[] order = new int[203];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 37) % 203;
        }
        for (LearningRule rule : List.of(new Backprop(), FeedbackAlignment.uniform(0.5), new Shallow(), new NodePerturbation(0.05))) {
            for (int batch : new int[] {1, 10}) {
              for (Matrix x : List.of(dense, sparse)) {
                Model m = Model.create(Data.logistic(20, 30, 5), rule, 1);
                double[] sink = new double[1];
                Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.01).batchSize(batch).build())
                        .linalg(Linalg.newBuilder().path(KernelPath.SCALAR).threads(1).build())
                        .listener(new TrainingListener() {
                            @Override
                            public void onStep(StepContext s) {
                                sink[0] += s.loss();
                            }
                        }).build();
                for (int w = 0; w < 100; w++) {
                    runSteps(t, x, y, order, batch);
                }
                // Any allocation inside a step would show in every epoch (≥ 16 bytes × 203 steps); a one-off
                // (the JIT, the MXBean) would not. So the least of five measured epochs must be exactly 0.
                long overhead = Long.MAX_VALUE; // what reading the counter itself costs
                for (int attempt = 0; attempt < 5; attempt++) {
                    long before = allocatedBytes();
                    overhead = Math.min(overhead, allocatedBytes() - before);
                }
                long least = Long.MAX_VALUE;
                StringBuilder seen = new StringBuilder();
                for (int attempt = 0; attempt < 5; attempt++) {
                    long before = allocatedBytes();
                    runSteps(t, x, y, order, batch);
                    long bytes = allocatedBytes() - before - overhead;
                    least = Math.min(least, bytes);
                    seen.append(bytes).append(' ');
                }
                assertThat(least).as("%s batch %d %s input, bytes per epoch: %s", rule.name(), batch, x == dense ? "dense" : "sparse", seen)
                        .isZero();
                assertThat(sink[0]).isPositive();
              }
            }
        }
    }

    /** Steps through one epoch in the given order through the trainer's internal loop (no epoch summary object). */
    private static void runSteps(Trainer t, Matrix x, Matrix y, int[] order, int batch) {
        t.stepsInOrder(x, y, order);
    }
}
