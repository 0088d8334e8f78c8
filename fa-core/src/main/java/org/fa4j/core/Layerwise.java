package org.fa4j.core;

import java.util.List;

/**
 * A different feedback pathway per layer. {@code pathways.get(i)} says how layer {@code i + 1} sends its update down to
 * layer {@code i} (so a net of depth {@code L} needs {@code L − 1} entries), e.g. feedback alignment into the first
 * hidden layer and backprop from the output: {@code new Layerwise(List.of(FeedbackAlignment.uniform(0.5), new
 * Backprop()))}. Each entry must be a pathway rule: {@link Backprop}, {@link FeedbackAlignment} or
 * {@link Pseudobackprop}. (Shallow and node perturbation are whole-network rules and are not pathways.)
 *
 * @param pathways one pathway rule per layer above the first
 */
public record Layerwise(List<LearningRule> pathways) implements LearningRule {

    /** Checks that every entry is a pathway rule and copies the list. */
    public Layerwise {
        pathways = List.copyOf(pathways);
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("a layerwise rule needs at least one pathway");
        }
        for (int i = 0; i < pathways.size(); i++) {
            LearningRule r = pathways.get(i);
            if (!RuleEngines.isPathway(r)) {
                throw new IllegalArgumentException("pathway " + i + " is " + r.name()
                        + "; a layerwise rule takes backprop, feedback-alignment or pseudobackprop per layer");
            }
        }
    }

    @Override
    public String name() {
        return "layerwise";
    }

    @Override
    public boolean usesFeedback() {
        return pathways.stream().anyMatch(LearningRule::usesFeedback);
    }
}
