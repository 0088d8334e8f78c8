package org.fa4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fa4j.core.FamilyFixtures.deepSpec;
import static org.fa4j.core.FamilyFixtures.inputs;
import static org.fa4j.core.FamilyFixtures.teacher;

import java.util.List;
import org.fa4j.core.rule.Backprop;
import org.fa4j.core.rule.FeedbackAlignment;
import org.fa4j.core.rule.FeedbackSetup;
import org.fa4j.core.rule.Layerwise;
import org.fa4j.core.rule.LearningRuleProvider;
import org.fa4j.core.rule.LearningRules;
import org.fa4j.core.rule.Parameters;
import org.fa4j.core.rule.PathwayEngine;
import org.fa4j.core.rule.PathwayRule;
import org.fa4j.core.rule.RuleContext;
import org.fa4j.core.rule.StepState;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;
import org.junit.jupiter.api.Test;

/** The learning-rule SPI as a rule that fa-core does not ship uses it: training, state, files, the registry. */
class RuleSpiTest {
    static final Linalg ONE_THREAD = Linalg.newBuilder().threads(1).build();

    /**
     * Feedback alignment through {@code scale·B}, a rule of this test's own. It counts its steps in its rule state, so
     * a reloaded model must continue the count.
     */
    record ScaledFeedback(double scale) implements PathwayRule {
        static final LearningRuleProvider PROVIDER = LearningRuleProvider.of("test-scaled-feedback", p -> new ScaledFeedback(p.number("scale")));

        @Override
        public String name() {
            return "test-scaled-feedback";
        }

        @Override
        public Parameters parameters() {
            return Parameters.builder().put("scale", scale).build();
        }

        @Override
        public boolean usesFeedback() {
            return true;
        }

        @Override
        public void drawFeedback(FeedbackSetup s) {
            int below = s.spec().units(s.layer() - 1);
            int above = s.spec().units(s.layer());
            s.setFeedback(s.draw(Init.uniform(0.3), below, above, above, below));
        }

        @Override
        public PathwayEngine engine(RuleContext context) {
            return new PathwayEngine() {
                @Override
                public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
                    s.linalg().gemm(Op.N, Op.T, (float) scale, deltaAbove, s.feedback(layer), 0f, out);
                }

                @Override
                public void afterUpdate(StepState s) {
                    long steps = s.ruleState().has("steps") ? s.ruleState().longInteger("steps") : 0;
                    s.setRuleState(Parameters.builder().put("steps", steps + 1).build());
                }
            };
        }
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.newBuilder().learningRate(0.02).batchSize(10).epochs(epochs).seed(4).build();
    }

    @Test
    void aRuleFromOutsideTrainsAsFeedbackAlignmentDoesWhenItsScaleIsOne() {
        Matrix x = inputs(60, 10, 1);
        Matrix y = teacher(x, 5, false, 2);
        Model own = Model.create(deepSpec(), new ScaledFeedback(1), 9);
        Model fa = Model.create(deepSpec(), new FeedbackAlignment(Init.uniform(0.3), 0), 9);
        Trainer.newBuilder(own, config(2)).linalg(ONE_THREAD).build().fit(x, y);
        Trainer.newBuilder(fa, config(2)).linalg(ONE_THREAD).build().fit(x, y);
        for (int l = 0; l < 3; l++) {
            assertThat(own.weightsTransposed(l).contentEquals(fa.weightsTransposed(l))).as("layer %d", l).isTrue();
        }
        assertThat(own.ruleState().longInteger("steps")).isEqualTo(12);
    }

    @Test
    void itsModelNamesTheRuleAndLoadsOnlyWithItsProvider() {
        Model m = Model.create(deepSpec(), new Layerwise(List.of(new ScaledFeedback(0.5), new Backprop())), 9);
        Trainer.newBuilder(m, config(1)).linalg(ONE_THREAD).build().fit(inputs(30, 10, 1), teacher(inputs(30, 10, 1), 5, false, 2));
        String json = m.toJson();
        assertThat(json).contains("\"type\":\"test-scaled-feedback\",\"scale\":0.5").contains("\"ruleState\":{\"steps\":3}");
        assertThat(LearningRules.names()).doesNotContain("test-scaled-feedback"); // registered only below
        assertThatThrownBy(() -> Model.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown rule type 'test-scaled-feedback'").hasMessageContaining("feedback-alignment");
        LearningRules.register(ScaledFeedback.PROVIDER);
        Model back = Model.fromJson(json);
        assertThat(back.contentEquals(m)).isTrue();
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void anUnknownRuleInAFileIsAnErrorThatNamesIt() {
        String json = Model.create(deepSpec(), new Backprop(), 1).toJson().replace("\"type\":\"backprop\"", "\"type\":\"no-such-rule\"");
        assertThatThrownBy(() -> Model.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-rule'").hasMessageContaining("backprop").hasMessageContaining("weight-mirror");
    }

    @Test
    void theRegistryKnowsEveryBuiltInRule() {
        assertThat(LearningRules.names()).contains("backprop", "feedback-alignment", "pseudobackprop", "shallow", "node-perturbation",
                "layerwise", "direct-feedback-alignment", "sign-symmetry", "kolen-pollack", "weight-mirror");
    }

    @Test
    void parametersNameTheFieldWhenAValueIsMissingOrOfTheWrongType() {
        Parameters p = Parameters.builder().put("n", 3).put("x", 0.5).put("s", "usf").put("init", Init.gaussian(0.2)).build();
        assertThat(p.integer("n")).isEqualTo(3);
        assertThat(p.number("n")).isEqualTo(3.0);
        assertThat(p.init("init")).isEqualTo(Init.gaussian(0.2));
        assertThat(p.keys()).containsExactly("n", "x", "s", "init");
        assertThatThrownBy(() -> p.integer("x")).hasMessageContaining("'x'").hasMessageContaining("integer");
        assertThatThrownBy(() -> p.number("s")).hasMessageContaining("'s'").hasMessageContaining("number");
        assertThatThrownBy(() -> p.text("missing")).hasMessageContaining("missing field 'missing'");
    }
}
