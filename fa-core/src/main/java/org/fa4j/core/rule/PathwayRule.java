package org.fa4j.core.rule;

/**
 * A rule that sends the error down one layer at a time, {@code δ_{l−1} = Δh_{l−1} ∘ f'(a_{l−1})} with
 * {@code Δh_{l−1}} made from {@code δ_l} (PAPER §1.6–1.7). Such a rule can also serve a single layer of a
 * {@link Layerwise} rule; its engine then acts on that layer only ({@link RuleContext#firstLayer()} equals
 * {@link RuleContext#lastLayer()}).
 */
public interface PathwayRule extends LearningRule {

    @Override
    PathwayEngine engine(RuleContext context);
}
