/**
 * File output shared by every fa4j module: {@link org.fa4j.datasets.io.AtomicFiles} writes IDX files, model files,
 * metrics, result JSON, reports and figures so that no reader ever sees a half-written file, checks a folder can take
 * files before a run starts, and removes what killed writers left; {@link org.fa4j.datasets.io.IoErrors} words an
 * {@link java.io.IOException} as the path and the operating system's reason; {@link org.fa4j.datasets.io.Digests} gives
 * the SHA-256 of a data file for the result files.
 */
package org.fa4j.datasets.io;
