package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fa4j.core.FamilyFixtures.*;

import org.assertj.core.data.Offset;
import org.fa4j.core.rule.RuleEngine;
import org.fa4j.core.rule.WeightMirror;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class WeightMirrorTest {

    /**
     * With forward learning off (the mirror steps alone, W untouched), {@code B_l} relaxes to {@code c·W_lᵀ},
     * {@code c = η_B k σ²/λ_B}. Thresholds from the stationary noise (see {@link WeightMirror}): the relative size of the
     * fluctuation is {@code r = √(n_{l−1} λ_B / (k(2 − λ_B)))}, so the cosine between {@code vec(B)} and {@code vec(Wᵀ)}
     * should be about {@code 1/√(1 + r²)}; we require {@code 1/√(1 + 2r²)} (twice the expected noise power). After
     * 600 steps the initial random {@code B} has decayed to {@code 0.98⁶⁰⁰ ≈ 5·10⁻⁶} of itself. The projection
     * coefficient {@code ⟨B, Wᵀ⟩/‖W‖²} differs from {@code c} by at most {@code ‖B − cWᵀ‖/‖W‖ ≈ r·c} (Cauchy–Schwarz);
     * we allow {@code 2r·c}. Seen here: cosines 0.982 and 0.984 (predicted 0.980 and 0.985), gains 4.08 and 3.83.
     */
    @Test
    void withForwardLearningOffBConvergesToTheMirrorGainTimesWTranspose() {
        WeightMirror rule = new WeightMirror(Init.uniform(0.3), 0.02, 0.02, 1, 4);
        assertThat(rule.mirrorGain()).isCloseTo(4, Offset.offset(1e-12));
        Model m = Model.create(deepSpec(), rule, 6);
        Model start = m.copy();
        RuleEngine engine = rule.engine(new EngineContext(m, 17L, 0));
        TrainingStep mirrorOnly = new TrainingStep(m, ONE_THREAD); // afterUpdate reads only W and B
        for (int l = 1; l < 3; l++) {
            assertThat(Math.abs(cosine(m.feedback(l).orElseThrow(), m.weights(l)))).as("initial |cos|, layer %d", l).isLessThan(0.3);
        }
        for (int t = 0; t < 600; t++) {
            engine.afterUpdate(mirrorOnly); // one mirror step per layer
        }
        for (int l = 1; l < 3; l++) {
            Matrix w = m.weights(l);
            Matrix b = m.feedback(l).orElseThrow();
            assertThat(w.contentEquals(start.weights(l))).as("W untouched").isTrue();
            double r2 = w.cols() * 0.02 / (4 * (2 - 0.02));
            double cos = cosine(b, w);
            assertThat(cos).as("cosine, layer %d", l).isGreaterThan(1 / Math.sqrt(1 + 2 * r2));
            assertThat(dotTransposed(b, w) / (norm(w) * norm(w))).as("gain, layer %d", l)
                    .isCloseTo(rule.mirrorGain(), Offset.offset(2 * Math.sqrt(r2) * rule.mirrorGain()));
        }
    }

    /**
     * During ordinary training (a mirror step after every update) B follows the moving W: the angle between
     * {@code vec(B)} and {@code vec(Wᵀ)} falls from ~90° to below 20° (11° and 10° seen here) while the loss falls tenfold.
     */
    @Test
    void duringTrainingBAlignsWithTheMovingForwardWeights() {
        Matrix x = inputs(100, 10, 61);
        Matrix y = teacher(x, 5, false, 62);
        Model m = Model.create(deepSpec(), new WeightMirror(Init.uniform(0.3), 0.02, 0.02, 1, 4), 6);
        double loss0 = meanLoss(m, x, y);
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.02).batchSize(1).epochs(6).seed(2).build())
                .linalg(ONE_THREAD).build().fit(x, y);
        for (int l = 1; l < 3; l++) {
            double angle = Math.toDegrees(Math.acos(cosine(m.feedback(l).orElseThrow(), m.weights(l))));
            assertThat(angle).as("angle between B and Wᵀ, layer %d", l).isLessThan(20);
        }
        assertThat(meanLoss(m, x, y)).isLessThan(0.1 * loss0);
    }

    @Test
    void rejectsParametersOutsideTheirRanges() {
        assertThatThrownBy(() -> new WeightMirror(Init.uniform(0.3), 0, 0.1, 1, 1)).hasMessageContaining("mirrorRate").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new WeightMirror(Init.uniform(0.3), 0.1, 1, 1, 1)).hasMessageContaining("mirrorDecay").hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new WeightMirror(Init.uniform(0.3), 0.1, 0.1, -1, 1)).hasMessageContaining("noiseStd");
        assertThatThrownBy(() -> new WeightMirror(Init.uniform(0.3), 0.1, 0.1, 1, 0)).hasMessageContaining("mirrorBatch").hasMessageContaining(">= 1");
    }
}
