package org.fa4j.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** The default engine: the trials in this process, {@code threads} at a time, each trial on one thread. */
public final class LocalEngine implements SweepEngine {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(List<Trial> trials, EngineOptions options, Consumer<TrialResult> sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "fa4j-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Trial t : trials) {
                running.add(pool.submit(() -> sink.accept(TrialRunner.run(t, options.dataDir()))));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
