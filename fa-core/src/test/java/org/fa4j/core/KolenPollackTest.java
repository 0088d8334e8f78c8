package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fa4j.core.FamilyFixtures.*;

import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.KolenPollack;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;

class KolenPollackTest {
    static final Matrix X = inputs(100, 10, 51);
    static final Matrix Y = teacher(X, 5, false, 52);

    /**
     * {@code W − Bᵀ ← (1 − ηα)(W − Bᵀ)} (Akrout et al. 2019): at every step, for every layer, the ratio of successive
     * {@code ‖W − Bᵀ‖} is the trainer's decay factor. Tolerance: each step rounds {@code W} and {@code B} separately,
     * an error of order 2⁻²⁴‖W‖ per entry, far below 10⁻⁴ of ‖W − Bᵀ‖ here.
     */
    @Test
    void differenceBetweenWAndBTransposeShrinksByTheDecayFactorEveryStep() {
        for (int batch : new int[] {1, 5}) {
            Model m = Model.create(deepSpec(), KolenPollack.uniform(0.3), 2);
            TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.02).weightDecay(2.5).batchSize(batch).epochs(1).seed(3).build();
            double decay = (float) (1 - 0.02 * 2.5); // 0.95, rounded to float as the trainer does
            double[] last = {distanceTransposed(m.weights(1), m.feedback(1).orElseThrow()),
                    distanceTransposed(m.weights(2), m.feedback(2).orElseThrow())};
            double first = last[1];
            Trainer t = Trainer.newBuilder(m, c).linalg(DEFAULT).build();
            for (int s = 0; s < X.rows(); s += batch) {
                t.step(X.rows(s, s + batch), Y.rows(s, s + batch));
                for (int l = 1; l <= 2; l++) {
                    double now = distanceTransposed(m.weights(l), m.feedback(l).orElseThrow());
                    assertThat(now / last[l - 1]).as("layer %d, batch %d, step %d", l, batch, s / batch).isCloseTo(decay,
                            org.assertj.core.data.Offset.offset(1e-4));
                    last[l - 1] = now;
                }
            }
            assertThat(last[1] / first).isCloseTo(Math.pow(decay, X.rows() / batch), org.assertj.core.data.Percentage.withPercentage(0.1));
        }
    }

    /**
     * Started from {@code B_l = W_lᵀ}, Kolen–Pollack is backprop bit for bit: {@code B_l} and the stored {@code W_lᵀ}
     * receive the very same float operation every step, and {@code Δh = B δ} is then the same product as backprop's.
     */
    @Test
    void startedFromBEqualToWTransposeItIsBackpropBitForBit() {
        Model kp = Model.create(deepSpec(), KolenPollack.uniform(0.3), 2);
        Model bp = Model.create(deepSpec(), new Backprop(), 2);
        for (int l = 1; l < 3; l++) {
            kp.feedback(l).orElseThrow().copyFrom(kp.weightsTransposed(l));
        }
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.02).weightDecay(0.1).batchSize(4).epochs(2).seed(3).build();
        Trainer.newBuilder(kp, c).linalg(ONE_THREAD).build().fit(X, Y);
        Trainer.newBuilder(bp, c).linalg(ONE_THREAD).build().fit(X, Y);
        for (int l = 0; l < 3; l++) {
            assertThat(kp.weightsTransposed(l).contentEquals(bp.weightsTransposed(l))).as("W_%d", l).isTrue();
            if (l > 0) {
                assertThat(kp.feedback(l).orElseThrow().contentEquals(kp.weightsTransposed(l))).as("B_%d = W_%dᵀ", l, l).isTrue();
            }
        }
    }

    /**
     * The rule's own λ joins the config's α: a run with α = 1.5 and λ = 1 is bit for bit the run with α = 2.5 and λ = 0
     * (the trainer forms one factor 1 − η(α + λ) for W and B), and ‖W − Bᵀ‖ shrinks by that factor.
     */
    @Test
    void theRulesDecayLambdaAddsToAlphaForWAndB() {
        Model withLambda = Model.create(deepSpec(), KolenPollack.uniform(0.3).withDecay(1.0), 2);
        Model plain = Model.create(deepSpec(), KolenPollack.uniform(0.3), 2);
        assertThat(withLambda.rule().extraWeightDecay()).isEqualTo(1.0);
        assertThat(withLambda.rule().parameters().number("decay")).isEqualTo(1.0);
        Trainer.newBuilder(withLambda, TrainingConfig.newBuilder().learningRate(0.02).weightDecay(1.5).batchSize(4).epochs(1).seed(3).build())
                .linalg(ONE_THREAD).build().fit(X, Y);
        Trainer.newBuilder(plain, TrainingConfig.newBuilder().learningRate(0.02).weightDecay(2.5).batchSize(4).epochs(1).seed(3).build())
                .linalg(ONE_THREAD).build().fit(X, Y);
        for (int l = 0; l < 3; l++) {
            assertThat(withLambda.weightsTransposed(l).contentEquals(plain.weightsTransposed(l))).as("W_%d", l).isTrue();
            if (l > 0) {
                assertThat(withLambda.feedback(l).orElseThrow().contentEquals(plain.feedback(l).orElseThrow())).as("B_%d", l).isTrue();
            }
        }
        Model reloaded = Model.fromJson(withLambda.toJson());
        assertThat(reloaded.rule()).isEqualTo(withLambda.rule());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KolenPollack.uniform(0.3).withDecay(-1))
                .hasMessageContaining("decay").hasMessageContaining("-1");
    }

    /** A layerwise rule applies one decay to every layer, so pathways that disagree on λ are refused, naming both. */
    @Test
    void layerwisePathwaysMustAgreeOnTheirDecay() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Layerwise.of(FeedbackAlignment.uniform(0.3),
                        KolenPollack.uniform(0.3).withDecay(1e-4)))
                .hasMessageContaining("pathway 1 (kolen-pollack)").hasMessageContaining("1.0E-4").hasMessageContaining("pathway 0");
        assertThat(Layerwise.of(KolenPollack.uniform(0.3).withDecay(1e-4), KolenPollack.uniform(0.2).withDecay(1e-4))
                .extraWeightDecay()).isEqualTo(1e-4);
    }

    /** As the top pathway under feedback alignment: the top B follows the KP law, the lower B stays fixed. */
    @Test
    void asAPathwayOnlyItsOwnLayersFeedbackLearns() {
        Model m = Model.create(deepSpec(), new Layerwise(List.of(FeedbackAlignment.uniform(0.3), KolenPollack.uniform(0.3))), 2);
        Model start = m.copy();
        double d0 = distanceTransposed(m.weights(2), m.feedback(2).orElseThrow());
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.02).weightDecay(2.5).batchSize(1).epochs(1).seed(3).build();
        Trainer.newBuilder(m, c).linalg(ONE_THREAD).build().fit(X, Y);
        assertThat(m.feedback(1).orElseThrow().contentEquals(start.feedback(1).orElseThrow())).as("FA's B_1 fixed").isTrue();
        double decay = (float) (1 - 0.02 * 2.5);
        assertThat(distanceTransposed(m.weights(2), m.feedback(2).orElseThrow()) / d0)
                .isCloseTo(Math.pow(decay, X.rows()), org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void withoutWeightDecayTheDifferenceStaysConstant() {
        Model m = Model.create(deepSpec(), KolenPollack.uniform(0.3), 2);
        double before = distanceTransposed(m.weights(2), m.feedback(2).orElseThrow());
        Model start = m.copy();
        Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(0.02).batchSize(1).epochs(1).seed(3).build())
                .linalg(ONE_THREAD).build().fit(X, Y);
        assertThat(m.feedback(2).orElseThrow().contentEquals(start.feedback(2).orElseThrow())).as("B learned").isFalse();
        assertThat(distanceTransposed(m.weights(2), m.feedback(2).orElseThrow())).isCloseTo(before,
                org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    /**
     * Training drives {@code B} toward {@code Wᵀ}: the angle between {@code vec(B)} and {@code vec(Wᵀ)} starts near 90°
     * (independent random matrices) and ends below {@code asin(‖W − Bᵀ‖ / ‖B‖)} with {@code ‖W − Bᵀ‖} from the closed
     * form {@code (1 − ηα)^t ‖W₀ − B₀ᵀ‖} (t = 2000 steps, ηα = 10⁻³: a factor 0.135), which here is below 20°, while
     * the training loss falls more than tenfold (so the alignment is not a collapse of both matrices to zero).
     */
    @Test
    void trainingDrivesBTowardWTranspose() {
        Model m = Model.create(deepSpec(), KolenPollack.uniform(0.3), 2);
        double loss0 = meanLoss(m, X, Y);
        double[] d0 = new double[3];
        for (int l = 1; l <= 2; l++) {
            assertThat(angle(m, l)).as("initial angle, layer %d", l).isGreaterThan(80);
            d0[l] = distanceTransposed(m.weights(l), m.feedback(l).orElseThrow());
        }
        TrainingConfig c = TrainingConfig.newBuilder().learningRate(0.02).weightDecay(0.05).batchSize(1).epochs(20).seed(3).build();
        Trainer.newBuilder(m, c).linalg(ONE_THREAD).build().fit(X, Y);
        double shrink = Math.pow((float) (1 - 0.02 * 0.05), 20 * X.rows());
        for (int l = 1; l <= 2; l++) {
            Matrix b = m.feedback(l).orElseThrow();
            double bound = Math.toDegrees(Math.asin(Math.min(1, 1.001 * shrink * d0[l] / norm(b))));
            assertThat(angle(m, l)).as("final angle, layer %d", l).isLessThanOrEqualTo(bound).isLessThan(20);
        }
        assertThat(meanLoss(m, X, Y)).isLessThan(0.1 * loss0);
    }

    private static double angle(Model m, int l) {
        return Math.toDegrees(Math.acos(cosine(m.feedback(l).orElseThrow(), m.weights(l))));
    }
}
