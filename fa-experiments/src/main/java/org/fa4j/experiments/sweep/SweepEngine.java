package org.fa4j.experiments.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a sweep's trials run. The local engine ({@link LocalEngine}, name {@code local}) is built in; others are
 * services found by {@link java.util.ServiceLoader} (fa-spark provides {@code spark}). An engine runs each trial it is
 * given through {@link TrialRunner#run} and hands every result to the sink exactly once, as it arrives; the caller
 * writes the files.
 */
public interface SweepEngine {

    /** The name {@code --engine} selects, e.g. "local" or "spark". */
    String name();

    /**
     * Runs {@code trials} and passes each result to {@code sink} as it arrives (the sink is thread-safe). Returns when
     * every trial has a result; throws if a trial fails in a way that is not a result (a missing data set, a lost
     * cluster).
     */
    void run(List<Trial> trials, EngineOptions options, Consumer<TrialResult> sink) throws Exception;
}
