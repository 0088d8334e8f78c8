package org.fa4j.experiments;

/**
 * Shows the user how far a long run has got. The experiments count units of work (examples trained on) through
 * {@link Progress}; a display found with {@link java.util.ServiceLoader} draws them (fa-cli provides a progress bar on
 * stderr). Without a provider, or with {@code --quiet}, nothing is drawn.
 */
public interface ProgressDisplay {
    /** Opens a display for {@code task}, which ends after {@code total} units (at least 1). */
    Bar open(String task, long total);

    /** One open display; called from several threads at once. */
    interface Bar extends AutoCloseable {
        /** Advances by {@code n} units. */
        void stepBy(long n);

        /** Ends the display. */
        @Override
        void close();
    }
}
