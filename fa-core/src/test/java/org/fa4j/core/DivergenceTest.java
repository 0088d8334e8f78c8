package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void aNaNWeightStopsTrainingNamingStepLayerAndQuantity() {
        Model m = Model.create(Data.logistic(5, 4, 3), FeedbackAlignment.uniform(0.5), 1);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.1).build()).build();
        Matrix x = Data.gaussian(4, 5, 1);
        Matrix y = Data.oneHot(4, 3, 2);
        t.step(x.rows(0, 1), y.rows(0, 1));
        t.step(x.rows(1, 2), y.rows(1, 2));
        m.weightsTransposed(1).set(1, 2, Float.NaN);
        TrainingDivergedException e = catchThrowableOfType(TrainingDivergedException.class, () -> t.step(x.rows(2, 3), y.rows(2, 3)));
        assertThat(e.step()).isEqualTo(3); // the third update, counted from 1
        assertThat(e.layer()).isEqualTo(1);
        assertThat(e.quantity()).isEqualTo("weights");
        assertThat(e).hasMessageContaining("step 3").hasMessageContaining("layer 1").hasMessageContaining("weights");
    }

    @Test
    void anInfiniteFeedbackMatrixIsReportedAsANonFiniteDelta() {
        Model m = Model.create(Data.logistic(5, 4, 3), FeedbackAlignment.uniform(0.5), 1);
        m.feedback(1).orElseThrow().set(0, 0, Float.POSITIVE_INFINITY);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().build()).build();
        TrainingDivergedException e = catchThrowableOfType(TrainingDivergedException.class,
                () -> t.step(Data.gaussian(1, 5, 1), Data.oneHot(1, 3, 2)));
        assertThat(e.step()).isOne();
        assertThat(e.layer()).isZero();
        assertThat(e.quantity()).isEqualTo("delta");
    }

    /** A linear 30-20-10 net with η = 1 blows up within a few hundred steps; training must stop with the exception. */
    @Test
    void aTooLargeLearningRateDivergesWithAnException() {
        Task1 data = new Task1(3, 500);
        Model m = Model.create(Task1.spec(), new Backprop(), 1);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1.0).build()).build();
        assertThatThrownBy(() -> t.fit(data.x, data.y)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("training diverged at step").hasMessageContaining("layer");
    }

    @Test
    void mismatchedDataShapesAreRejectedNamingBothShapes() {
        Model m = Model.create(Data.logistic(5, 4, 3), new Backprop(), 1);
        Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().build()).build();
        assertThatThrownBy(() -> t.step(Data.gaussian(2, 6, 1), Data.oneHot(2, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x6").hasMessageContaining("5-4-3");
    }
}
