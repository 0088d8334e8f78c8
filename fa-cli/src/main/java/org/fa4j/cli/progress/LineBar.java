package org.fa4j.cli.progress;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.fa4j.experiments.ProgressDisplay;

/**
 * Progress for a stderr that is not a terminal (a log file, a pipe, CI): one plain line per epoch or trial and one when
 * the task ends, never a carriage return. A line reads {@code fig2  37% fa fast trial 1, epoch 3 of 20: test error
 * 4.12% (1:02 elapsed, ~1:45 left)}.
 */
final class LineBar implements ProgressDisplay.Bar {
    private final String task;
    private final long total;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    LineBar(String task, long total) {
        this(task, total, System::nanoTime);
    }

    /** With the clock the elapsed and remaining times are read from. */
    LineBar(String task, long total, LongSupplier nanoTime) {
        this.task = task;
        this.total = Math.max(1, total);
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public void stepBy(long n) {
        done.addAndGet(n);
    }

    @Override
    public void event(String event) {
        long d = done.get();
        double elapsed = seconds();
        double remaining = d > 0 && d < total ? elapsed * (total - d) / d : 0;
        String left = remaining >= 1 ? ", ~" + clock(remaining) + " left" : "";
        Stderr.line(String.format(Locale.ROOT, "%s %3d%% %s (%s elapsed%s)", task, percent(d), event, clock(elapsed), left));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long d = done.get();
            Stderr.line(d >= total ? task + " 100% done in " + clock(seconds())
                    : task + " " + percent(d) + "% stopped after " + clock(seconds()));
        }
    }

    private int percent(long d) {
        return (int) Math.min(100, 100 * d / total);
    }

    private double seconds() {
        return (nanoTime.getAsLong() - startNanos) / 1e9;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
