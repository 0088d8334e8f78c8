package org.fa4j.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Finds the benchmarks of a run whose warm-up is too short for the JIT, and a run in this JVM without the Vector API
 * module. Until C2 has compiled the Vector API kernels they run interpreted, where every vector is an object: a
 * measurement then times the JIT, not the kernel. Each warning names the flags that give enough warm-up.
 *
 * <p>A benchmark's warm-up is what JMH will run: the command line's {@code -wi} and {@code -w} where given, else the
 * benchmark's {@code @Warmup}, else JMH's defaults. Single-shot runs ({@code -bm ss}) warm up by count, not by time,
 * and are not checked.
 */
public final class WarmupCheck {

    /**
     * The warm-up per fork that the micro-benchmarks need. On this project's loaded 2-core machine, GEMM reached its
     * steady time per call from the fifth 1-second iteration on ({@code fa-bench/README.md}).
     */
    public static final int DEFAULT_MINIMUM_SECONDS = 4;

    private WarmupCheck() {
    }

    /**
     * The warnings for a run.
     *
     * @param options the run's command line
     * @param selected the benchmarks the run selects
     * @param vectorModuleHere whether this JVM has {@code jdk.incubator.vector} (matters only with {@code -f 0})
     * @return one line per problem; empty when the run is fine
     */
    public static List<String> warnings(Options options, Collection<BenchmarkListEntry> selected,
            boolean vectorModuleHere) {
        List<String> out = new ArrayList<>();
        boolean inThisJvm = false;
        for (BenchmarkListEntry e : selected) {
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(e.getMode()) : options.getBenchModes();
            boolean timed = modes.stream().anyMatch(m -> m != Mode.SingleShotTime);
            int iterations = options.getWarmupIterations().orElse(e.getWarmupIterations().orElse(Defaults.WARMUP_ITERATIONS));
            TimeValue time = options.getWarmupTime().orElse(e.getWarmupTime().orElse(Defaults.WARMUP_TIME));
            double seconds = iterations * time.convertTo(TimeUnit.NANOSECONDS) / 1e9;
            int minimum = minimumSeconds(e);
            if (timed && seconds < minimum) {
                out.add(String.format("WARNING fa-bench: %s warms up for %d × %s = %.1f s per fork, under the %d s the JIT "
                        + "needs to compile it; the result would time the JIT, not the code. Use %s (or more).",
                        e.getUsername(), iterations, time, seconds, minimum, flags(minimum, time)));
            }
            inThisJvm |= options.getForkCount().orElse(e.getForks().orElse(Defaults.MEASUREMENT_FORKS)) == 0;
        }
        if (inThisJvm && !vectorModuleHere) {
            out.add("WARNING fa-bench: -f 0 runs the benchmarks in this JVM, which lacks jdk.incubator.vector, so the "
                    + "kernels take the scalar path. Drop -f 0, or start java with --add-modules jdk.incubator.vector.");
        }
        return out;
    }

    /** The warm-up the benchmark's class declares with {@link MinimumWarmup}, or the default. */
    static int minimumSeconds(BenchmarkListEntry e) {
        try {
            Class<?> c = Class.forName(e.getUserClassQName(), false, WarmupCheck.class.getClassLoader());
            MinimumWarmup m = c.getAnnotation(MinimumWarmup.class);
            return m == null ? DEFAULT_MINIMUM_SECONDS : m.seconds();
        } catch (ClassNotFoundException notHere) {
            return DEFAULT_MINIMUM_SECONDS;
        }
    }

    /** {@code -wi N -w T} reaching the minimum: the given time per iteration if it is at least 1 s, else 1 s. */
    static String flags(int minimumSeconds, TimeValue time) {
        long perIterationMillis = Math.max(1000, time.convertTo(TimeUnit.MILLISECONDS));
        long iterations = Math.ceilDiv(minimumSeconds * 1000L, perIterationMillis);
        String per = perIterationMillis % 1000 == 0 ? perIterationMillis / 1000 + "s" : perIterationMillis + "ms";
        return "-wi " + iterations + " -w " + per;
    }
}
