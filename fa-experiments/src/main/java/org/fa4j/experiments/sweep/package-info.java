/**
 * Sweeps: a grid of training configs times a number of seeds, every trial a job. {@link
 * org.fa4j.experiments.sweep.SweepSpec} reads a sweep file, {@link org.fa4j.experiments.sweep.Trial} is one job with
 * its stable key and seed, {@link org.fa4j.experiments.sweep.TrialRunner} runs one, {@link
 * org.fa4j.experiments.sweep.SweepEngine} is where they run (the built-in {@link
 * org.fa4j.experiments.sweep.LocalEngine}, or a service such as fa-spark's), and {@link
 * org.fa4j.experiments.sweep.Sweep} runs a sweep, writes each result file ({@link
 * org.fa4j.experiments.sweep.TrialFiles}) and skips the trials already done.
 */
package org.fa4j.experiments.sweep;
