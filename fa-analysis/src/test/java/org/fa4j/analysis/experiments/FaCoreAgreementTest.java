package org.fa4j.analysis.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.fa4j.core.Activation;
import org.fa4j.core.Backprop;
import org.fa4j.core.Init;
import org.fa4j.core.Loss;
import org.fa4j.core.Model;
import org.fa4j.core.NetworkSpec;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

/** The experiments' MNIST network and fa-core's trainer compute the same backprop step (logistic, squared error). */
class FaCoreAgreementTest {

    @Test
    void oneBackpropStepMatchesFaCoresTrainer() {
        NetworkSpec spec = NetworkSpec.newBuilder(8).layer(6, Activation.logistic()).layer(4, Activation.logistic())
                .init(new Init.Uniform(0.4)).loss(Loss.squaredError()).build();
        Model model = Model.create(spec, new Backprop(), 17);
        FloatMlp mine = new FloatMlp(new int[] {8, 6, 4}, FloatMlp.Act.LOGISTIC, FloatMlp.Act.LOGISTIC, MlpRule.BACKPROP,
                Linalg.defaults().withThreads(1));
        for (int l = 0; l < 2; l++) {
            mine.w[l].copyFrom(model.weights(l));
            int layer = l;
            model.bias(l).ifPresent(b -> mine.bias[layer].copyFrom(b));
        }
        SplittableRandom r = new SplittableRandom(3);
        Matrix x = Matrix.zeros(1, 8);
        Matrix y = Matrix.zeros(1, 4);
        for (int j = 0; j < 8; j++) {
            x.set(0, j, (float) r.nextDouble());
        }
        y.set(0, 2, 1f);
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.5).weightDecay(0).batchSize(1).epochs(1).seed(1).shuffle(false).build();
        Trainer.newBuilder(model, cfg).build().step(x, y);
        mine.step(x, y, 0.5f, 0f, 0f);
        for (int l = 0; l < 2; l++) {
            assertThat(mine.w[l].toArray()).as("layer %d", l).containsExactly(model.weights(l).toArray(), within(1e-6f));
        }
    }
}
