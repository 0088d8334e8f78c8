package org.fa4j.cli.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fa4j.experiments.ProgressDisplay;

/** The command line's progress display: an ASCII progress bar with speed and ETA on stderr (me.tongfei:progressbar). */
public final class ProgressBarDisplay implements ProgressDisplay {
    /** The service provider's constructor. */
    public ProgressBarDisplay() {
    }

    @Override
    public Bar open(String task, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, total))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
        return new Bar() {
            @Override
            public void stepBy(long n) {
                bar.stepBy(n);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
