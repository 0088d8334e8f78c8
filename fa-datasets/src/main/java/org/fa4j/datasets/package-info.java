/**
 * Labelled data sets for training: {@link org.fa4j.datasets.Dataset} (inputs, targets, labels),
 * {@link org.fa4j.datasets.Mnist} (MNIST and Fashion-MNIST from IDX files), the paper's synthetic tasks
 * {@link org.fa4j.datasets.LinearTask} (Task 1) and {@link org.fa4j.datasets.NonlinearTask} (Task 3),
 * {@link org.fa4j.datasets.BatchIterator} (seeded mini-batches) and {@link org.fa4j.datasets.RandomStream} (named
 * random streams derived from one seed).
 */
package org.fa4j.datasets;
