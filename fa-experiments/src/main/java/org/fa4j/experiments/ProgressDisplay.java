package org.fa4j.experiments;

/**
 * Shows the user how far a long run has got. The experiments count units of work (examples trained on) through
 * {@link Progress} and report each epoch or trial that ends; a display found with {@link java.util.ServiceLoader} shows
 * them (fa-cli provides a progress bar on a terminal and one line per epoch or trial otherwise, both on stderr). Without
 * a provider, or with {@code --quiet}, nothing is shown.
 */
public interface ProgressDisplay {
    /** Opens a display for {@code task}, which ends after {@code total} units (at least 1). */
    Bar open(String task, long total);

    /** One open display; called from several threads at once. */
    interface Bar extends AutoCloseable {
        /** Advances by {@code n} units. */
        void stepBy(long n);

        /**
         * Reports that an epoch or a trial of the task ended; {@code event} says which and how it came out, for example
         * {@code "fa trial 2, epoch 3 of 20: test error 4.12%"}. Does nothing unless the display shows such events.
         */
        default void event(String event) {
        }

        /** Ends the display. */
        @Override
        void close();
    }
}
