package example.trainmnist;

import java.nio.file.Path;
import org.fa4j.core.Activation;
import org.fa4j.core.BatchScaling;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Init;
import org.fa4j.core.LearningRateSchedule;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.ProgressListener;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.TrainTest;
import org.fa4j.simd.Linalg;

/** Trains feedback alignment on MNIST, evaluates it, saves it and loads it back. Arguments: [data dir] [model file] [epochs] [examples]. */
public final class TrainMnist {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "data/mnist");            // bin/fetch-data puts MNIST here
        Path file = Path.of(args.length > 1 ? args[1] : "fa-mnist.json");
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int examples = args.length > 3 ? Integer.parseInt(args[3]) : 60_000;
        TrainTest mnist = Mnist.load(data);                                        // pixels / 255, one-hot targets
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(1000, Activation.logistic())
                .layer(10, Activation.logistic()).init(Init.uniform(0.1)).build(); // W ~ U[-ω, ω]
        Model model = Model.create(spec, FeedbackAlignment.uniform(0.5), 1);       // B ~ U[-β, β], model seed 1
        TrainingConfig config = TrainingConfig.newBuilder().learningRate(0.2).batchScaling(BatchScaling.MEAN) // η per batch of 10
                .weightDecay(1e-6).batchSize(10).epochs(epochs).schedule(LearningRateSchedule.linear(0)).seed(1).build();
        Trainer.newBuilder(model, config).listener(new ProgressListener(System.out::println)).build()
                .fit(mnist.train().rows(0, examples));
        Linalg la = Linalg.defaults();
        double error = Evaluation.of(model, mnist.test().inputs(), mnist.test().targets(), la).errorRate();
        model.save(file);
        Model loaded = Model.load(file);
        double again = Evaluation.of(loaded, mnist.test().inputs(), mnist.test().targets(), la).errorRate();
        System.out.printf("test error %.2f%%; saved to %s and loaded back: %.2f%%%n", 100 * error, file, 100 * again);
    }
}
