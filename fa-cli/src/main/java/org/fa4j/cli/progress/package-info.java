/**
 * The command line's stderr: the {@link org.fa4j.experiments.ProgressDisplay} (a bar on a terminal, one line per epoch
 * or trial otherwise), the test whether stderr is a terminal, the verbosity, and the libraries' log lines, which go
 * above a bar rather than into it. Not exported; the experiments find the display as a service.
 */
package org.fa4j.cli.progress;
