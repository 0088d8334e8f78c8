/**
 * Learning rules and the interface through which they train a network. A {@link org.fa4j.core.rule.LearningRule} is
 * an immutable value (the built-in ones are records: {@link org.fa4j.core.rule.Backprop},
 * {@link org.fa4j.core.rule.FeedbackAlignment}, {@link org.fa4j.core.rule.Pseudobackprop},
 * {@link org.fa4j.core.rule.Shallow}, {@link org.fa4j.core.rule.NodePerturbation},
 * {@link org.fa4j.core.rule.Layerwise}, {@link org.fa4j.core.rule.DirectFeedbackAlignment},
 * {@link org.fa4j.core.rule.SignSymmetry}, {@link org.fa4j.core.rule.KolenPollack},
 * {@link org.fa4j.core.rule.WeightMirror}); its {@link org.fa4j.core.rule.RuleEngine} does the work of each step
 * through {@link org.fa4j.core.rule.StepState}. Rules are found by name through
 * {@link org.fa4j.core.rule.LearningRules}, which loads every {@link org.fa4j.core.rule.LearningRuleProvider} service:
 * a rule written outside fa4j is one record and one {@code provides} line in its module's {@code module-info.java},
 * and then trains, saves and loads like a built-in one.
 */
package org.fa4j.core.rule;
