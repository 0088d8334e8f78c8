/**
 * The fa4j training API: {@link org.fa4j.core.NetworkSpec} and {@link org.fa4j.core.Model} (architecture and
 * parameters), {@link org.fa4j.core.Trainer} with {@link org.fa4j.core.TrainingConfig} and
 * {@link org.fa4j.core.TrainingListener}s, the {@link org.fa4j.core.Diagnostics} probe, and
 * {@link org.fa4j.core.Evaluation} with its {@link org.fa4j.core.ConfusionMatrix}. The learning rules are in
 * {@link org.fa4j.core.rule}. See the module documentation for a worked example.
 */
package org.fa4j.core;
