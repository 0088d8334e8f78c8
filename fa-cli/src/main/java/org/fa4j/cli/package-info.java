/**
 * The {@code fa4j} command line (picocli): {@code fetch-data}, {@code reproduce <experiment|all>},
 * {@code train --config FILE.json}, {@code check} and {@code index}. Entry point: {@link org.fa4j.cli.Main}.
 */
package org.fa4j.cli;
