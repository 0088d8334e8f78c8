package org.fa4j.cli.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fa4j.experiments.ProgressDisplay;

/**
 * The command line's progress display, on stderr: on a terminal an ASCII progress bar with speed, ETA and the last
 * epoch or trial (me.tongfei:progressbar), redrawn in place; otherwise a {@link LineBar}, one plain line per epoch or
 * trial; under {@code -q} nothing. Under {@code -v} a terminal also gets every epoch or trial as a line above the bar.
 */
public final class ProgressBarDisplay implements ProgressDisplay {
    /** The service provider's constructor. */
    public ProgressBarDisplay() {
    }

    @Override
    public Bar open(String task, long total) {
        if (Stderr.verbosity() == Verbosity.QUIET) {
            return new Bar() {
                @Override
                public void stepBy(long n) {
                }

                @Override
                public void close() {
                }
            };
        }
        if (!Stderr.isTerminal()) {
            return new LineBar(task, total);
        }
        Consumer consumer = new Consumer();
        int room = consumer.getMaxRenderedLength() - task.length() - BAR_AND_COUNTS;
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, total))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(consumer)
                .showSpeed()
                .build();
        boolean echo = Stderr.verbosity() == Verbosity.VERBOSE;
        return new Bar() {
            @Override
            public void stepBy(long n) {
                bar.stepBy(n);
            }

            @Override
            public void event(String event) {
                bar.setExtraMessage(shorten(event, room));
                if (echo) {
                    Stderr.line(task + ": " + event);
                }
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Space for the bar itself, the counts, the times and the speed; the rest of the row shows the last event. */
    private static final int BAR_AND_COUNTS = 70;

    /** {@code event} after a space, cut to {@code room} characters; nothing when there is no room for a useful part. */
    static String shorten(String event, int room) {
        if (room < 12) {
            return "";
        }
        return " " + (event.length() < room ? event : event.substring(0, room - 2) + "…");
    }

    /** Draws the bar through {@link Stderr}, so that log lines go above it; the terminal's width comes from JLine. */
    private static final class Consumer extends ConsoleProgressBarConsumer {
        Consumer() {
            super(System.err);
        }

        @Override
        public void accept(String rendered) {
            int max = getMaxRenderedLength();
            Stderr.drawBar(rendered.length() > max ? rendered.substring(0, Math.max(0, max)) : rendered);
        }

        @Override
        public void close() {
            Stderr.endBar();
        }
    }
}
