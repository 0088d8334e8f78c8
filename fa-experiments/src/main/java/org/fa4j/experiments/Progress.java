package org.fa4j.experiments;

import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a run's units of work and passes them, with each epoch or trial that ends, to a {@link ProgressDisplay}, or to
 * nothing when quiet. Thread-safe.
 */
final class Progress implements AutoCloseable {
    private final ProgressDisplay.Bar bar;
    private final AtomicLong done = new AtomicLong();

    private Progress(ProgressDisplay.Bar bar) {
        this.bar = bar;
    }

    /**
     * Progress of {@code task}, which ends at {@code total} units, shown by the first {@link ProgressDisplay} the
     * {@link ServiceLoader} finds; a silent counter when {@code quiet} or when there is none.
     */
    static Progress start(String task, long total, boolean quiet) {
        if (quiet) {
            return new Progress(null);
        }
        ProgressDisplay display = ServiceLoader.load(ProgressDisplay.class).findFirst().orElse(null);
        return new Progress(display == null ? null : display.open(task, Math.max(1, total)));
    }

    /** Advances by {@code n} units. */
    void step(long n) {
        done.addAndGet(n);
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** Reports that an epoch or a trial ended (see {@link ProgressDisplay.Bar#event}). */
    void event(String event) {
        if (bar != null) {
            bar.event(event);
        }
    }

    /** Units done so far. */
    long done() {
        return done.get();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
