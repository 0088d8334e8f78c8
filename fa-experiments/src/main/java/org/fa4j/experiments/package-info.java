/**
 * The paper's experiments (arXiv:1411.0247 v1, Figs. 1d/e, 2a/b/d, 3, 4, S1, plus Fashion-MNIST and the rule family)
 * and configured training runs: each {@link org.fa4j.experiments.Experiment} runs a protocol of PAPER.md §2 and writes
 * a versioned JSON result ({@link org.fa4j.experiments.ExperimentResult}), its figures (PNG and SVG) and a section of
 * {@code index.md} and {@code index.html} ({@link org.fa4j.experiments.ResultsIndex}). Start at {@link org.fa4j.experiments.Experiments};
 * {@link org.fa4j.experiments.TrainRun} runs a {@link org.fa4j.experiments.TrainRunConfig} ({@code fa4j train}), and
 * {@link org.fa4j.experiments.MnistValidation} gives the validation-split runs that studies fixing a protocol choice
 * use. Long runs report their progress to a {@link org.fa4j.experiments.ProgressDisplay} service when there is one.
 */
package org.fa4j.experiments;
