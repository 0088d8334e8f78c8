package org.fa4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fa4j.simd.Matrix;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JMH benchmarks share: time per call in µs, one fork with the Vector API module and a fixed 1 GB heap, and
 * seeded random matrices. JMH reads these annotations from the superclass; a benchmark overrides one by declaring it.
 * The fork allows JMH's use of {@code sun.misc.Unsafe}, which JDK 25 otherwise reports in four lines per fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow", "-Xms1g",
    "-Xmx1g"})
public abstract class MicroBench {

    /** A rows × cols matrix of uniform [0, 1) entries. */
    static Matrix random(SplittableRandom rnd, int rows, int cols) {
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextDouble();
        }
        return Matrix.wrap(rows, cols, d);
    }
}
