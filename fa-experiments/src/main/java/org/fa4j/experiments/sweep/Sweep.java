package org.fa4j.experiments.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a sweep on an engine and writes each trial's result file as the result arrives. A rerun skips the trials whose
 * result file is valid ({@link TrialFiles#valid}) and says how many it skipped; a corrupt or stale file is run again.
 * One line per finished trial goes to the log.
 */
public final class Sweep {
    private Sweep() {
    }

    /** The engine called {@code name}: "local", or a {@link SweepEngine} service of that name. */
    public static Optional<SweepEngine> engine(String name) {
        if (name.equals("local")) {
            return Optional.of(new LocalEngine());
        }
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class, Sweep.class.getClassLoader())) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the trials of {@code spec} that have no valid result in {@code out} on {@code engine}, writing each result to
     * {@code out} as it arrives, with a line per trial on {@code log}.
     */
    public static SweepReport run(SweepSpec spec, SweepEngine engine, EngineOptions options, Path out, Consumer<String> log)
            throws Exception {
        long start = System.nanoTime();
        List<Trial> all = spec.trials();
        List<Trial> todo = new ArrayList<>();
        for (Trial t : all) {
            if (!TrialFiles.valid(out, t)) {
                todo.add(t);
            }
        }
        int skipped = all.size() - todo.size();
        log.accept("sweep " + spec.name() + ": " + all.size() + " trials; skipped " + skipped + " with a valid result in " + out
                + "; running " + todo.size() + " on " + engine.name()
                + (engine.name().equals("local") ? " (" + options.threads() + " threads)" : options.master() == null ? "" : " (" + options.master() + ")"));
        Map<String, Trial> byKey = todo.stream().collect(Collectors.toMap(Trial::key, Function.identity()));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger diverged = new AtomicInteger();
        if (!todo.isEmpty()) {
            engine.run(todo, options, r -> {
                Trial t = byKey.get(r.key());
                if (t == null) {
                    throw new IllegalStateException("engine " + engine.name() + " returned a result for " + r.key() + ", not a trial it was given");
                }
                Path f = TrialFiles.write(out, t, r);
                if (r.status().equals("diverged")) {
                    diverged.incrementAndGet();
                }
                double[] err = r.testErrorPerEpoch();
                log.accept("sweep " + spec.name() + ": " + done.incrementAndGet() + "/" + todo.size() + " " + t.key() + " " + r.status()
                        + (err.length == 0 ? "" : String.format(", test error %.2f%%", 100 * err[err.length - 1]))
                        + String.format(" (%.1f s, pid %d on %s) -> %s", r.seconds(), r.pid(), r.host(), f.getFileName()));
            });
        }
        if (done.get() != todo.size()) {
            throw new IllegalStateException("engine " + engine.name() + " returned " + done.get() + " results for " + todo.size() + " trials");
        }
        return new SweepReport(all.size(), skipped, todo.size(), diverged.get(), (System.nanoTime() - start) / 1e9);
    }
}
