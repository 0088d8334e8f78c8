package org.fa4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fa4j.cli.Main;
import org.fa4j.experiments.TinyMnist;
import org.fa4j.experiments.sweep.EngineOptions;
import org.fa4j.experiments.sweep.LocalEngine;
import org.fa4j.experiments.sweep.Sweep;
import org.fa4j.experiments.sweep.SweepReport;
import org.fa4j.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEngineTest {
    @TempDir
    Path dir;
    Path data;
    Path sweep;

    static final String BASE = "{\"version\":1,\"dataset\":\"mnist\",\"hiddenSizes\":[16],\"hidden\":\"tanh\",\"output\":\"logistic\","
            + "\"rule\":\"fa\",\"eta\":0.5,\"batchScaling\":\"mean\",\"batch\":1,\"epochs\":2,\"weightDecay\":0,\"omega\":0.5,\"beta\":0.5}";

    @BeforeEach
    void fixture() throws Exception {
        data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        sweep = dir.resolve("tiny.json");
        Files.writeString(sweep, "{\"version\":1,\"name\":\"tiny\",\"seed\":7,\"seeds\":2,\"base\":" + BASE + ","
                + "\"grid\":{\"rule\":[\"bp\",\"fa\"],\"eta\":[0.2,0.5]},\"trainExamples\":80,"
                + "\"metrics\":[\"testErrorPerEpoch\",\"finalTestError\",\"trainLossPerEpoch\"]}");
    }

    static Map<String, String> files(Path out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void localTwoWritesTheSameFilesAsTheLocalEngine() throws Exception {
        SweepSpec spec = SweepSpec.read(sweep);
        Sweep.run(spec, new LocalEngine(), new EngineOptions(data, 2, null, Map.of()), dir.resolve("local"), s -> { });
        SweepReport r = Sweep.run(spec, new SparkEngine(), new EngineOptions(data, 1, "local[2]", Map.of()), dir.resolve("spark"),
                System.err::println);
        assertThat(r.ran()).isEqualTo(8);
        Map<String, String> local = files(dir.resolve("local"));
        assertThat(local).hasSize(8);
        assertThat(files(dir.resolve("spark"))).isEqualTo(local);
    }

    @Test
    void theCommandLineFindsTheSparkEngineAndARerunSkipsWhatIsDone() throws Exception {
        Path out = dir.resolve("out");
        String[] args = {"sweep", sweep.toString(), "--engine", "spark", "--master", "local[2]", "--data-dir", data.toString(),
                "--out", out.toString()};
        String first = stdout(args);
        assertThat(first).contains("8 trials, 0 skipped (already done), 8 run");
        Files.delete(out.resolve("eta=0.5_rule=fa_seed=1.json"));
        assertThat(stdout(args)).contains("8 trials, 7 skipped (already done), 1 run");
        assertThat(files(out)).hasSize(8);
    }

    @Test
    void theShippedJarsAreFa4jsAndTheLibrariesSparkLacks() {
        assertThat(SparkEngine.shippedJars()).hasSize(SparkEngine.SHIPPED_CLASSES.size())
                .allSatisfy(j -> assertThat(Path.of(j)).isRegularFile().hasFileName(Path.of(j).getFileName().toString()))
                .allMatch(j -> j.endsWith(".jar"))
                .noneMatch(j -> j.contains("spark-core") || j.contains("scala-library") || j.contains("jackson"));
    }

    private static synchronized String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.execute(args)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }
}
