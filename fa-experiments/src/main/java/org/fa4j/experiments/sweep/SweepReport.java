package org.fa4j.experiments.sweep;

/**
 * What a sweep run did.
 *
 * @param trials   the sweep's trials
 * @param skipped  trials whose valid result was already there
 * @param ran      trials this run ran
 * @param diverged of those, how many diverged
 * @param seconds  wall time of the run
 */
public record SweepReport(int trials, int skipped, int ran, int diverged, double seconds) {
}
