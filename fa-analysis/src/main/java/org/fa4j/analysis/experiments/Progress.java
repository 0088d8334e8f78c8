package org.fa4j.analysis.experiments;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with ETA on stderr (me.tongfei:progressbar), or nothing when quiet. Thread-safe. */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final AtomicLong done = new AtomicLong();

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar named {@code task} that ends at {@code total} units; a silent counter when {@code quiet}. */
    public static Progress start(String task, long total, boolean quiet) {
        if (quiet) {
            return new Progress(null);
        }
        PrintStream err = System.err;
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, total))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .showSpeed()
                .build();
        return new Progress(bar);
    }

    /** Advances by {@code n} units. */
    public void step(long n) {
        done.addAndGet(n);
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** Units done so far. */
    public long done() {
        return done.get();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
