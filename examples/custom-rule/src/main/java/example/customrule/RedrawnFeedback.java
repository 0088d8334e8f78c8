package example.customrule;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fa4j.core.Init;
import org.fa4j.core.rule.LearningRuleProvider;
import org.fa4j.core.rule.Parameters;
import org.fa4j.core.rule.PathwayEngine;
import org.fa4j.core.rule.RandomFeedbackRule;
import org.fa4j.core.rule.RuleContext;
import org.fa4j.core.rule.StepState;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Feedback alignment with its feedback matrices redrawn at the start of every epoch: each hidden layer receives
 * {@code Δh_{l−1} = B_l δ_l} as in feedback alignment, but {@code B_l} is a new random matrix (entries from
 * {@code feedbackInit}) for every epoch. fa4j does not ship this rule; it shows what a rule from outside can do.
 *
 * <p>Being a {@link RandomFeedbackRule}, it keeps a {@code B_l} of the shape of {@code W_lᵀ} for every layer above the
 * first, drawn from {@code feedbackInit} when the model is created, and can serve one layer of a {@code Layerwise}
 * rule. The {@code k}-th redraw of layer {@code l} in the model's life comes from the stream
 * {@code Seeds.random(modelSeed, "redraw-layer-" + l, k)}; the counts are the rule's own state ({@code "layer1": k,
 * …}), saved with the model, so a reloaded model continues with the draws it would have made next. The first epoch of
 * each training run starts with a redraw.
 *
 * @param feedbackInit how the entries of every {@code B_l} are drawn
 */
public record RedrawnFeedback(Init feedbackInit) implements RandomFeedbackRule {
    /** The rule's name in model files. */
    public static final String NAME = "redrawn-feedback-alignment";

    /** Checks the value. */
    public RedrawnFeedback {
        Objects.requireNonNull(feedbackInit, "feedbackInit");
    }

    /** Found by {@code ServiceLoader} through the {@code provides} line of this module. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of(NAME, p -> new RedrawnFeedback(p.init("feedbackInit")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().put("feedbackInit", feedbackInit).build();
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        return new Engine(context.modelSeed(), context.firstLayer(), context.lastLayer());
    }

    /** Redraws {@code B} when a new epoch begins, then sends the error down through it. */
    private final class Engine implements PathwayEngine {
        private final long modelSeed;
        private final int from;
        private final int to;
        private int epoch = Integer.MIN_VALUE;

        Engine(long modelSeed, int from, int to) {
            this.modelSeed = modelSeed;
            this.from = from;
            this.to = to;
        }

        @Override
        public void beforeBackward(StepState s) {
            if (s.epoch() == epoch) {
                return;
            }
            epoch = s.epoch();
            Parameters.Builder counts = Parameters.builder().putAll(s.ruleState());
            for (int l = from; l <= to; l++) {
                String key = "layer" + l;
                long k = s.ruleState().has(key) ? s.ruleState().longInteger(key) : 0;
                SplittableRandom r = Seeds.random(modelSeed, "redraw-layer-" + l, Math.toIntExact(k));
                Matrix b = s.feedback(l); // redrawn in place, in the live matrix
                int fanIn = b.cols();
                int fanOut = b.rows();
                for (int i = 0; i < b.rows(); i++) {
                    for (int j = 0; j < b.cols(); j++) {
                        b.set(i, j, feedbackInit.draw(r, fanIn, fanOut));
                    }
                }
                counts.put(key, k + 1);
            }
            s.setRuleState(counts.build());
        }

        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            s.linalg().gemm(Op.N, Op.T, 1f, deltaAbove, s.feedback(layer), 0f, out); // Δ_{l−1} = Δ_l B_lᵀ
        }
    }
}
