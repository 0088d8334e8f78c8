package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.core.rule.Shallow;
import org.fa4j.simd.KernelPath;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class RuleEquivalenceTest {

    private static NetworkSpec deepSpec() {
        return NetworkSpec.newBuilder(12)
                .layer(9, Activation.tanh())
                .layer(7, Activation.logistic(), false)
                .layer(5, Activation.relu())
                .layer(4, Activation.logistic())
                .init(Init.uniform(0.5)).build();
    }

    /** Runs BP and FA-with-B_l=W_lᵀ side by side, copying Wᵀ into B before every step; returns the max |ΔW|. */
    private static double maxDifference(Linalg la) {
        NetworkSpec spec = deepSpec();
        Model bp = Model.create(spec, new Backprop(), 5);
        Model fa = Model.create(spec, FeedbackAlignment.uniform(0.5), 5);
        for (int l = 0; l < spec.depth(); l++) {
            assertThat(fa.weights(l).contentEquals(bp.weights(l))).as("same forward init, layer %d", l).isTrue();
        }
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.05).weightDecay(1e-3).batchSize(4).build();
        Trainer tb = Trainer.newBuilder(bp, cfg).linalg(la).build();
        Trainer tf = Trainer.newBuilder(fa, cfg).linalg(la).build();
        Matrix x = Data.gaussian(200, 12, 1);
        Matrix y = Data.oneHot(200, 4, 2);
        for (int s = 0; s < 50; s++) {
            for (int l = 1; l < spec.depth(); l++) {
                fa.feedback(l).orElseThrow().copyFrom(fa.weights(l).transpose());
            }
            tb.step(x.rows(4 * s, 4 * s + 4), y.rows(4 * s, 4 * s + 4));
            tf.step(x.rows(4 * s, 4 * s + 4), y.rows(4 * s, 4 * s + 4));
        }
        double max = 0;
        for (int l = 0; l < spec.depth(); l++) {
            assertThat(bp.weights(l).contentEquals(Model.create(spec, new Backprop(), 5).weights(l))).as("layer %d learned", l).isFalse();
            for (int i = 0; i < bp.weights(l).rows(); i++) {
                for (int j = 0; j < bp.weights(l).cols(); j++) {
                    max = Math.max(max, Math.abs(bp.weights(l).get(i, j) - fa.weights(l).get(i, j)));
                }
            }
        }
        return max;
    }

    /** On the scalar kernels W·δ and δ·(Wᵀ)ᵀ sum in the same order, so the runs agree bit for bit. */
    @Test
    void feedbackAlignmentWithTransposedWeightsIsBackpropExactly() {
        assertThat(maxDifference(Linalg.newBuilder().path(KernelPath.SCALAR).threads(1).build())).isEqualTo(0.0);
    }

    /** On the default kernels the two products may round differently; they still agree to float32 accuracy. */
    @Test
    void feedbackAlignmentWithTransposedWeightsMatchesBackpropOnDefaultKernels() {
        assertThat(maxDifference(Linalg.defaults())).isLessThan(1e-5);
    }

    @Test
    void shallowLeavesHiddenLayersUntouched() {
        NetworkSpec spec = deepSpec();
        Model m = Model.create(spec, new Shallow(), 9);
        Model before = m.copy();
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.1).batchSize(5).epochs(2).build()).build()
                .fit(Data.gaussian(100, 12, 3), Data.oneHot(100, 4, 4));
        for (int l = 0; l < spec.depth() - 1; l++) {
            assertThat(m.weights(l).contentEquals(before.weights(l))).as("weights %d", l).isTrue();
            if (m.bias(l).isPresent()) {
                assertThat(m.bias(l).get().contentEquals(before.bias(l).get())).as("bias %d", l).isTrue();
            }
        }
        int top = spec.depth() - 1;
        assertThat(m.weights(top).contentEquals(before.weights(top))).as("the output layer learns").isFalse();
    }

    /** Layerwise(FA, BP, BP) with B_1 = W_1ᵀ copied is backprop; it exercises per-layer pathways. */
    @Test
    void layerwiseRoutesEachLayerThroughItsPathway() {
        NetworkSpec spec = deepSpec();
        Layerwise rule = new Layerwise(java.util.List.of(new Backprop(), FeedbackAlignment.uniform(0.3), new Backprop()));
        Model m = Model.create(spec, rule, 5);
        assertThat(m.feedback(1)).isEmpty();
        assertThat(m.feedback(2)).isPresent();
        assertThat(m.feedback(3)).isEmpty();
        Model bp = Model.create(spec, new Backprop(), 5);
        Linalg la = Linalg.newBuilder().path(KernelPath.SCALAR).threads(1).build();
        TrainingConfig cfg = TrainingConfig.newBuilder().learningRate(0.05).batchSize(2).build();
        Trainer tl = Trainer.newBuilder(m, cfg).linalg(la).build();
        Trainer tb = Trainer.newBuilder(bp, cfg).linalg(la).build();
        Matrix x = Data.gaussian(40, 12, 1);
        Matrix y = Data.oneHot(40, 4, 2);
        for (int s = 0; s < 20; s++) {
            m.feedback(2).orElseThrow().copyFrom(m.weights(2).transpose());
            tl.step(x.rows(2 * s, 2 * s + 2), y.rows(2 * s, 2 * s + 2));
            tb.step(x.rows(2 * s, 2 * s + 2), y.rows(2 * s, 2 * s + 2));
        }
        for (int l = 0; l < spec.depth(); l++) {
            assertThat(m.weights(l).contentEquals(bp.weights(l))).as("layer %d", l).isTrue();
        }
        // and with the random B it differs from backprop below layer 2
        Model random = Model.create(spec, rule, 5);
        Trainer.newBuilder(random, cfg).linalg(la).build().step(x.rows(0, 2), y.rows(0, 2));
        Model bp1 = Model.create(spec, new Backprop(), 5);
        Trainer.newBuilder(bp1, cfg).linalg(la).build().step(x.rows(0, 2), y.rows(0, 2));
        assertThat(random.weights(1).contentEquals(bp1.weights(1))).isFalse();
        assertThat(random.weights(3).contentEquals(bp1.weights(3))).isTrue();
    }
}
