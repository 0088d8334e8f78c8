package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fa4j.core.FamilyFixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.SignSymmetry;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignSymmetryTest {
    static final Matrix X = inputs(64, 10, 41);
    static final Matrix Y = teacher(X, 5, false, 42);

    /** {@link FamilyFixtures#deepSpec()} with 30% of the hidden weights removed, so that W has zeros. */
    static NetworkSpec sparseSpec() {
        return NetworkSpec.newBuilder(10)
                .layer(new LayerSpec(16, Activation.tanh(), true, 0.3))
                .layer(new LayerSpec(12, Activation.tanh(), true, 0.3))
                .layer(5, Activation.identity())
                .init(Init.uniform(0.3))
                .build();
    }

    /** Runs {@code epochs} online epochs and hands every step's model (before its update) to {@code check}. */
    static void train(Model m, int epochs, java.util.function.Consumer<Model> check) {
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.05).batchSize(1).epochs(epochs).seed(6).build();
        Trainer.newBuilder(m, c).linalg(ONE_THREAD).listener(new TrainingListener() {
            @Override
            public void onStep(StepContext s) {
                check.accept(s.model());
            }
        }).build().fit(X, Y);
    }

    @ParameterizedTest
    @EnumSource(SignSymmetry.Variant.class)
    void feedbackIsSignConcordantWithTheWeightsOfEveryStep(SignSymmetry.Variant variant) {
        Model m = Model.create(sparseSpec(), new SignSymmetry(variant, Init.uniform(0.3)), 8);
        Model start = m.copy();
        int[] steps = {0};
        train(m, 2, model -> {
            for (int l = 1; l < model.depth(); l++) {
                Matrix w = model.weights(l);
                Matrix b = model.feedback(l).orElseThrow();
                for (int i = 0; i < w.rows(); i++) {
                    for (int j = 0; j < w.cols(); j++) {
                        if (Math.signum(b.get(j, i)) != Math.signum(w.get(i, j))) {
                            throw new AssertionError("step " + steps[0] + ", layer " + l + ": W[" + i + "][" + j + "] = "
                                    + w.get(i, j) + " but B[" + j + "][" + i + "] = " + b.get(j, i));
                        }
                    }
                }
            }
            steps[0]++;
        });
        assertThat(steps[0]).isEqualTo(2 * X.rows());
        int flipped = 0;
        for (int l = 1; l < m.depth(); l++) {
            Matrix w0 = start.weights(l);
            Matrix w1 = m.weights(l);
            for (int i = 0; i < w0.rows(); i++) {
                for (int j = 0; j < w0.cols(); j++) {
                    flipped += Math.signum(w0.get(i, j)) * Math.signum(w1.get(i, j)) < 0 ? 1 : 0;
                }
            }
        }
        assertThat(flipped).as("weights that changed sign while training (so B had to follow)").isPositive();
    }

    @Test
    void usfMagnitudeIsTheStandardDeviationOfTheInit() {
        // U[−ω, ω] has σ = ω/√3; Xavier uniform has σ = √(2/(fanIn + fanOut)) (BioTorch's scaling factor)
        Model uniform = Model.create(deepSpec(), SignSymmetry.usf(Init.uniform(0.3)), 1);
        Model xavier = Model.create(deepSpec(), SignSymmetry.usf(Init.xavier()), 1);
        train(xavier, 1, model -> { });
        for (int l = 1; l < 3; l++) {
            Matrix w = uniform.weights(l);
            assertThat(allAbs(uniform.feedback(l).orElseThrow())).containsOnly((float) (0.3 / Math.sqrt(3)));
            double xs = Math.sqrt(2.0 / (w.cols() + w.rows()));
            assertThat(allAbs(xavier.feedback(l).orElseThrow())).containsOnly((float) xs);
        }
    }

    @Test
    void frsfKeepsItsMagnitudesWhileBrsfRedrawsThemEveryBatch() {
        Model fixed = Model.create(deepSpec(), SignSymmetry.frsf(Init.uniform(0.3)), 8);
        Model batchwise = Model.create(deepSpec(), SignSymmetry.brsf(Init.uniform(0.3)), 8);
        List<float[]> fixedSeen = new ArrayList<>();
        List<float[]> batchSeen = new ArrayList<>();
        train(fixed, 1, model -> fixedSeen.add(allAbs(model.feedback(2).orElseThrow())));
        train(batchwise, 1, model -> batchSeen.add(allAbs(model.feedback(2).orElseThrow())));
        for (float[] f : fixedSeen) {
            assertThat(f).containsExactly(fixedSeen.get(0));
        }
        double sum = 0;
        int n = 0;
        for (int t = 1; t < batchSeen.size(); t++) {
            float[] a = batchSeen.get(t - 1);
            float[] b = batchSeen.get(t);
            int same = 0;
            for (int k = 0; k < a.length; k++) {
                same += a[k] == b[k] ? 1 : 0;
                sum += b[k];
                n++;
            }
            assertThat(same).as("magnitudes unchanged from step %d to %d", t - 1, t).isLessThanOrEqualTo(1);
        }
        // |R| with R ~ U[−0.3, 0.3] is U[0, 0.3]: mean 0.15, sd 0.3/√12 ≈ 0.087; n ≈ 12000 draws, so ±0.003 is > 3 s.e.
        assertThat(sum / n).isCloseTo(0.15, within(0.003));
    }

    /**
     * frSF's fixed magnitudes are the ones drawn when the model was created (the engine draws them again from the
     * model's seed), alone and as the top pathway under feedback alignment, whose draws come first in the stream.
     */
    @Test
    void frsfUsesTheMagnitudesDrawnWhenTheModelWasCreated() {
        for (LearningRule rule : List.of(SignSymmetry.frsf(Init.uniform(0.3)),
                new Layerwise(List.of(FeedbackAlignment.uniform(0.3), SignSymmetry.frsf(Init.uniform(0.3)))))) {
            Model m = Model.create(deepSpec(), rule, 8);
            float[] created = allAbs(m.feedback(2).orElseThrow());
            List<float[]> seen = new ArrayList<>();
            train(m, 1, model -> seen.add(allAbs(model.feedback(2).orElseThrow())));
            for (float[] f : seen) {
                assertThat(f).as("%s", rule).containsExactly(created);
            }
        }
    }

    /**
     * If every |W_ij| equals uSF's magnitude s then B = Wᵀ exactly, and a uSF step is a backprop step, bit for bit
     * ({@code Δh = B δ} and backprop's {@code Wᵀ δ} are then the same float product).
     */
    @Test
    void usfIsBackpropWhenEveryWeightHasTheUniformMagnitude() {
        float s = (float) (0.3 / Math.sqrt(3));
        Model usf = Model.create(deepSpec(), SignSymmetry.usf(Init.uniform(0.3)), 5);
        Model bp = Model.create(deepSpec(), new Backprop(), 5);
        for (int l = 0; l < 3; l++) {
            Matrix w = usf.weights(l);
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    w.set(i, j, Math.signum(w.get(i, j)) * s);
                }
            }
            usf.setWeights(l, w);
            bp.setWeights(l, w);
        }
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.05).batchSize(8).build();
        Trainer.newBuilder(usf, c).linalg(ONE_THREAD).build().step(X.rows(0, 8), Y.rows(0, 8));
        Trainer.newBuilder(bp, c).linalg(ONE_THREAD).build().step(X.rows(0, 8), Y.rows(0, 8));
        for (int l = 0; l < 3; l++) {
            assertThat(usf.weightsTransposed(l).contentEquals(bp.weightsTransposed(l))).as("W_%d after the step", l).isTrue();
            assertThat(usf.bias(l).orElseThrow().contentEquals(bp.bias(l).orElseThrow())).as("b_%d after the step", l).isTrue();
        }
        assertThat(usf.weights(0).get(0, 0)).as("it moved").isNotEqualTo(Math.signum(usf.weights(0).get(0, 0)) * s);
    }

    @Test
    void variantNamesRoundTripAndUnknownOnesAreRejected() {
        for (SignSymmetry.Variant v : SignSymmetry.Variant.values()) {
            assertThat(SignSymmetry.Variant.of(v.id())).isEqualTo(v);
        }
        assertThatThrownBy(() -> SignSymmetry.Variant.of("xsf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xsf").hasMessageContaining("usf, brsf or frsf");
    }

    @Test
    void batchwiseDrawsComeFromTheTrainingSeedNotTheModelSeed() {
        Model a = Model.create(deepSpec(), SignSymmetry.brsf(Init.uniform(0.3)), 8);
        Model b = a.copy();
        TrainingConfig c1 = TrainingConfig.newBuilder().learningRate(0.05).seed(1).shuffle(false).build();
        TrainingConfig c2 = c1.toBuilder().seed(2).build();
        Trainer.newBuilder(a, c1).linalg(ONE_THREAD).build().step(X.rows(0, 1), Y.rows(0, 1));
        Trainer.newBuilder(b, c2).linalg(ONE_THREAD).build().step(X.rows(0, 1), Y.rows(0, 1));
        assertThat(a.feedback(1).orElseThrow().contentEquals(b.feedback(1).orElseThrow())).isFalse();
    }

    private static float[] allAbs(Matrix m) {
        float[] out = new float[m.rows() * m.cols()];
        int k = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                float v = Math.abs(m.get(i, j));
                if (v != 0) {
                    out[k++] = v;
                }
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
