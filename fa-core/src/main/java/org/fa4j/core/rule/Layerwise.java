package org.fa4j.core.rule;

import java.util.List;
import org.fa4j.core.NetworkSpec;
import org.fa4j.simd.Matrix;

/**
 * A different feedback pathway per layer. {@code pathways.get(i)} says how layer {@code i + 1} sends its update down to
 * layer {@code i} (so a net of depth {@code L} needs {@code L − 1} entries), e.g. feedback alignment into the first
 * hidden layer and backprop from the output: {@code new Layerwise(List.of(FeedbackAlignment.uniform(0.5), new
 * Backprop()))}. Each entry must be a pathway rule: {@link Backprop}, {@link FeedbackAlignment},
 * {@link Pseudobackprop}, {@link SignSymmetry}, {@link KolenPollack} or {@link WeightMirror}. (Shallow, node
 * perturbation and direct feedback alignment are whole-network rules and are not pathways.)
 *
 * @param pathways one pathway rule per layer above the first
 */
public record Layerwise(List<PathwayRule> pathways) implements LearningRule {

    /** Checks that every entry is a pathway rule and copies the list. */
    public Layerwise {
        pathways = List.copyOf(pathways);
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("a layerwise rule needs at least one pathway");
        }
        for (int i = 0; i < pathways.size(); i++) {
            Object r = pathways.get(i);
            if (!(r instanceof PathwayRule)) {
                throw new IllegalArgumentException("pathway " + i + " is " + (r instanceof LearningRule lr ? lr.name() : r)
                        + "; a layerwise rule takes pathway rules (backprop, feedback-alignment, pseudobackprop, sign-symmetry,"
                        + " kolen-pollack, weight-mirror or another PathwayRule) per layer");
            }
        }
        double lambda = pathways.get(0).extraWeightDecay();
        for (int i = 1; i < pathways.size(); i++) {
            if (Double.compare(pathways.get(i).extraWeightDecay(), lambda) != 0) {
                throw new IllegalArgumentException("pathway " + i + " (" + pathways.get(i).name() + ") adds weight decay λ = "
                        + pathways.get(i).extraWeightDecay() + " but pathway 0 (" + pathways.get(0).name() + ") adds " + lambda
                        + "; the trainer applies one decay to every layer, so the pathways must agree (set α in the"
                        + " TrainingConfig instead)");
            }
        }
    }

    /** The pathways' common extra weight decay (the constructor requires them to agree). */
    @Override
    public double extraWeightDecay() {
        return pathways.get(0).extraWeightDecay();
    }

    /** Reads {@code layerwise} from model files. */
    public static LearningRuleProvider provider() {
        return LearningRuleProvider.of("layerwise", p -> of(p.rules("pathways")));
    }

    /**
     * A layerwise rule from a list of rules, each of which must be a {@link PathwayRule} (checked by the constructor,
     * with a message that names the first one that is not).
     */
    @SuppressWarnings("unchecked")
    public static Layerwise of(List<? extends LearningRule> pathways) {
        return new Layerwise((List<PathwayRule>) (List<?>) pathways);
    }

    /** A layerwise rule, one pathway per layer above the first, bottom first. */
    public static Layerwise of(PathwayRule... pathways) {
        return new Layerwise(List.of(pathways));
    }

    @Override
    public String name() {
        return "layerwise";
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().putRules("pathways", pathways).build();
    }

    @Override
    public boolean usesFeedback() {
        return pathways.stream().anyMatch(LearningRule::usesFeedback);
    }

    @Override
    public void checkNetwork(NetworkSpec spec) {
        if (pathways.size() != spec.depth() - 1) {
            throw new IllegalArgumentException("a layerwise rule for a network of depth " + spec.depth() + " (" + spec.sizes()
                    + ") needs " + (spec.depth() - 1) + " pathways, got " + pathways.size());
        }
    }

    @Override
    public void drawFeedback(FeedbackSetup setup) {
        pathways.get(setup.layer() - 1).drawFeedback(setup);
    }

    @Override
    public void checkFeedback(NetworkSpec spec, int layer, Matrix feedback) {
        pathways.get(layer - 1).checkFeedback(spec, layer, feedback);
    }

    @Override
    public PathwayEngine engine(RuleContext context) {
        PathwayEngine[] p = new PathwayEngine[pathways.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = pathways.get(i).engine(context.layer(i + 1));
        }
        return new Engine(p);
    }

    /** Layer {@code l} sends its update down through the engine of {@code pathways[l − 1]}. */
    private record Engine(PathwayEngine[] pathways) implements PathwayEngine {
        @Override
        public void beforeBackward(StepState s) {
            for (PathwayEngine p : pathways) {
                p.beforeBackward(s);
            }
        }

        @Override
        public void sendDown(StepState s, int layer, Matrix deltaAbove, Matrix out) {
            pathways[layer - 1].sendDown(s, layer, deltaAbove, out);
        }

        @Override
        public void afterUpdate(StepState s) {
            for (PathwayEngine p : pathways) {
                p.afterUpdate(s);
            }
        }
    }
}
