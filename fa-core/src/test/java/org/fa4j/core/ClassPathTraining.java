package org.fa4j.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * A training run for {@link ClassPathTrainingTest} to start in a JVM of its own, on the class path and without
 * {@code --add-modules jdk.incubator.vector}: MNIST-shaped inputs (784 pixels, about 19% of them non-zero, so layer 0
 * takes the sparse path), a 784-64-10 logistic network trained with feedback alignment on two threads, then saved
 * and loaded back (which finds the built-in rules without the module system).
 */
public final class ClassPathTraining {
    private ClassPathTraining() {
    }

    public static void main(String[] args) throws Exception {
        int n = 600;
        SplittableRandom r = new SplittableRandom(5);
        Matrix x = Matrix.zeros(n, 784);
        Matrix y = Matrix.zeros(n, 10);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                if (r.nextDouble() < 0.19) {
                    x.set(i, j, (float) r.nextDouble());
                }
            }
            y.set(i, r.nextInt(10), 1f);
        }
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(64, Activation.logistic()).layer(10, Activation.logistic())
                .init(Init.uniform(0.05)).build();
        Model m = Model.create(spec, FeedbackAlignment.uniform(0.5), 1);
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.01).batchSize(100).epochs(2).seed(1).build();
        Linalg la = Linalg.newBuilder().threads(2).build();
        TrainingSummary s = Trainer.newBuilder(m, cfg).linalg(la).build().fit(x, y);
        Path file = Files.createTempFile("fa4j-classpath", ".json");
        try {
            m.save(file);
            Model back = Model.load(file);
            System.out.println("steps " + s.steps() + ", path " + la.path() + ", reloaded "
                    + back.contentEquals(m));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
