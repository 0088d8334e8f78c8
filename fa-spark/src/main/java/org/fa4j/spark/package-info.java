/**
 * Sweeps on Apache Spark: {@link org.fa4j.spark.SparkEngine}, the {@code spark} engine of {@code fa4j sweep}, a
 * {@code org.fa4j.experiments.sweep.SweepEngine} service. This module runs on the class path, as Spark does, and
 * nothing depends on it; {@code ./fa4j sweep ... --engine spark} starts a JVM with it and Spark's jars
 * ({@code target/lib}).
 */
package org.fa4j.spark;
