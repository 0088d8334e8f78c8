/**
 * File output shared by every fa4j module: {@link org.fa4j.datasets.io.AtomicFiles} writes IDX files, model files,
 * metrics, result JSON, reports and figures so that no reader ever sees a half-written file.
 */
package org.fa4j.datasets.io;
