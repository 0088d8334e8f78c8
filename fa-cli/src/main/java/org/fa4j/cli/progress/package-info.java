/**
 * The command line's {@link org.fa4j.experiments.ProgressDisplay}: a progress bar on stderr. Not exported; the
 * experiments find it as a service.
 */
package org.fa4j.cli.progress;
