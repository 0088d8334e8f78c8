package example.theoremsuite;

import java.nio.file.Path;
import java.util.List;
import org.fa4j.core.Activation;
import org.fa4j.core.BatchScaling;
import org.fa4j.core.Init;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.core.TrainingListener;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.LinearTask;
import org.fa4j.datasets.Mnist;
import org.fa4j.simd.Linalg;

/** The user's own networks, trained with fa-core: the code under test. */
public final class MyNetworks {
    private MyNetworks() {
    }

    /** The paper's Task 1 network, 30-20-10 linear, no biases, small initial weights (ω = 0.01). */
    public static Model linear(long seed) {
        NetworkSpec spec = NetworkSpec.newBuilder(LinearTask.INPUTS).layer(20, Activation.identity(), false)
                .layer(LinearTask.OUTPUTS, Activation.identity(), false).init(Init.uniform(0.01)).build();
        return Model.create(spec, FeedbackAlignment.uniform(0.5), seed);
    }

    /** Trains {@code model} online on {@code data} for one epoch at learning rate {@code eta}, with the given listeners. */
    public static void trainOnline(Model model, Dataset data, double eta, List<TrainingListener> listeners) {
        Trainer.Builder b = Trainer.newBuilder(model, TrainingConfig.newBuilder().learningRate(eta).batchSize(1).epochs(1).seed(1).build())
                .linalg(Linalg.defaults().withThreads(1));
        listeners.forEach(b::listener);
        b.build().fit(data);
    }

    /** A 784-100-50-10 logistic network trained by feedback alignment on the first {@code examples} MNIST images. */
    public static Model mnist(Path data, int examples, int epochs) throws java.io.IOException {
        Dataset train = Mnist.load(data).train().rows(0, examples);
        NetworkSpec spec = NetworkSpec.newBuilder(784).layer(100, Activation.logistic()).layer(50, Activation.logistic())
                .layer(10, Activation.logistic()).init(Init.uniform(0.1)).build();
        Model model = Model.create(spec, FeedbackAlignment.uniform(0.5), 7);
        Trainer.newBuilder(model, TrainingConfig.newBuilder().learningRate(0.5).batchScaling(BatchScaling.MEAN).batchSize(10)
                .epochs(epochs).seed(7).build()).build().fit(train);
        return model;
    }
}
