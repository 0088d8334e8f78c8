/**
 * The paper's experiments (arXiv:1411.0247 v1, Figs. 1d/e, 2a/b/d, 3, 4, S1, plus Fashion-MNIST and the rule family):
 * each {@link org.fa4j.analysis.experiments.Experiment} runs a protocol of PAPER.md §2 and writes a versioned JSON
 * result, its figures (PNG and SVG) and a line of the index. Start at {@link org.fa4j.analysis.experiments.Experiments}.
 */
package org.fa4j.analysis.experiments;
