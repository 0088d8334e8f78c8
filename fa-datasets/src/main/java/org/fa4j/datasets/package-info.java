/**
 * Labelled data sets for training: {@link org.fa4j.datasets.Dataset} (inputs, targets, labels),
 * {@link org.fa4j.datasets.Mnist} (MNIST and Fashion-MNIST from IDX files), the paper's synthetic tasks
 * {@link org.fa4j.datasets.LinearTask} (Task 1) and {@link org.fa4j.datasets.NonlinearTask} (Task 3), the one shuffling
 * of training ({@link org.fa4j.datasets.EpochOrder}) and mini-batches over it ({@link org.fa4j.datasets.BatchIterator}),
 * and the one seed-derivation scheme of fa4j ({@link org.fa4j.datasets.Seeds}, {@link org.fa4j.datasets.SeedStream},
 * {@link org.fa4j.datasets.RandomStream}).
 */
package org.fa4j.datasets;
