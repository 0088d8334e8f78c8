package org.fa4j.core;

/**
 * What happened in one epoch.
 *
 * @param epoch    the epoch's number, counted from 1 by the trainer (as fa4j counts epochs and steps everywhere)
 * @param steps    total updates made by the trainer so far
 * @param examples examples seen in this epoch
 * @param meanLoss the mean per-example training loss over the epoch (loss before each update)
 * @param nanos    wall time of the epoch's training (listeners included)
 */
public record EpochSummary(int epoch, long steps, int examples, double meanLoss, long nanos) {
}
