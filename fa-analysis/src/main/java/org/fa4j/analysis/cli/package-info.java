/**
 * The {@code fa4j} command line (picocli): {@code fetch-data}, {@code reproduce <experiment|all>},
 * {@code train --config FILE.json} and {@code check}. Entry point: {@link org.fa4j.analysis.cli.Main}.
 */
package org.fa4j.analysis.cli;
