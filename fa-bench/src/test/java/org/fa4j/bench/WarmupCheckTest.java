package org.fa4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

/** The warm-up check on the real benchmark list and JMH's own command-line parser. Nothing runs or is timed here. */
class WarmupCheckTest {

    private static List<String> warnings(boolean vectorModuleHere, String... args)
            throws CommandLineOptionException, IOException {
        CommandLineOptions options = new CommandLineOptions(args);
        List<BenchmarkListEntry> selected = BenchmarkMain.selected(options.getIncludes(), options.getExcludes());
        assertThat(selected).as("benchmarks selected by %s", List.of(args)).isNotEmpty();
        return WarmupCheck.warnings(options, selected, vectorModuleHere);
    }

    @Test
    void everyBenchmarkWarmsUpLongEnoughByDefault() throws Exception {
        assertThat(warnings(true)).isEmpty();
    }

    @Test
    void aShortWarmupOnTheCommandLineNamesTheBenchmarkAndTheFlagsToUse() throws Exception {
        assertThat(warnings(true, "GemmBench", "-wi", "1", "-w", "100ms")).singleElement().asString()
                .contains("org.fa4j.bench.GemmBench.gemm", "1 × 100 ms = 0.1 s", "under the 4 s", "-wi 4 -w 1s");
    }

    @Test
    void noWarmupIterationsWarn() throws Exception {
        assertThat(warnings(true, "Blas2Bench.copy", "-wi", "0")).singleElement().asString()
                .contains("Blas2Bench.copy", "-wi 4 -w 1s");
    }

    @Test
    void aBenchmarkThatDeclaresALongerMinimumWarnsWhereOthersWouldNot() throws Exception {
        assertThat(warnings(true, "GemmBench", "-wi", "5", "-w", "1s")).isEmpty();
        assertThat(warnings(true, "TrainingStepBenchmark", "-wi", "5", "-w", "1s")).singleElement().asString()
                .contains("TrainingStepBenchmark.step", "under the 20 s", "-wi 20 -w 1s");
    }

    @Test
    void enoughWarmupGivenOnTheCommandLineDoesNotWarn() throws Exception {
        assertThat(warnings(true, "TrainingStepBenchmark", "-wi", "10", "-w", "2s")).isEmpty();
    }

    @Test
    void singleShotRunsWarmUpByCountAndAreNotChecked() throws Exception {
        assertThat(warnings(true, "GemmBench", "-bm", "ss", "-wi", "0")).isEmpty();
    }

    @Test
    void runningInThisJvmWithoutTheVectorModuleWarns() throws Exception {
        assertThat(warnings(false, "GemmBench", "-f", "0")).singleElement().asString()
                .contains("-f 0", "--add-modules jdk.incubator.vector");
        assertThat(warnings(true, "GemmBench", "-f", "0")).isEmpty();
        assertThat(warnings(false, "GemmBench")).isEmpty();
    }

    @Test
    void suggestedFlagsReachTheMinimum() {
        assertThat(WarmupCheck.flags(4, new TimeValue(100, TimeUnit.MILLISECONDS))).isEqualTo("-wi 4 -w 1s");
        assertThat(WarmupCheck.flags(20, new TimeValue(2, TimeUnit.SECONDS))).isEqualTo("-wi 10 -w 2s");
        assertThat(WarmupCheck.flags(4, new TimeValue(1500, TimeUnit.MILLISECONDS))).isEqualTo("-wi 3 -w 1500ms");
    }
}
