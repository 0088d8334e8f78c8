package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fa4j.experiments.TinyMnist;
import org.fa4j.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;
    Path sweep;
    Path data;

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeEach
    void fixture() throws Exception {
        data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        sweep = dir.resolve("tiny.json");
        Files.writeString(sweep, "{\"version\":1,\"name\":\"tiny\",\"seed\":7,\"seeds\":2,\"base\":{\"version\":1,\"dataset\":\"mnist\","
                + "\"hiddenSizes\":[16],\"hidden\":\"tanh\",\"output\":\"logistic\",\"rule\":\"fa\",\"eta\":0.5,\"batchScaling\":\"mean\","
                + "\"batch\":1,\"epochs\":2,\"weightDecay\":0,\"omega\":0.5,\"beta\":0.5},\"grid\":{\"rule\":[\"bp\",\"fa\"]},"
                + "\"metrics\":[\"finalTestError\"]}");
    }

    private static long count(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.count();
        }
    }

    @Test
    void aSweepWritesOneFilePerTrialWithALinePerTrialAndARerunSkipsThem() throws Exception {
        Path out = dir.resolve("out");
        Run first = run("sweep", sweep.toString(), "--data-dir", data.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(count(out)).isEqualTo(4);
        assertThat(first.err().lines().filter(l -> l.matches("sweep tiny: \\d/4 .* complete, test error .*"))).hasSize(4);
        assertThat(first.out()).contains("4 trials, 0 skipped");
        Run again = run("sweep", sweep.toString(), "--data-dir", data.toString(), "--out", out.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("4 trials, 4 skipped (already done), 0 run");
    }

    @Test
    void theSparkEngineWithoutFaSparkSaysHowToGetIt() {
        Run r = run("sweep", sweep.toString(), "--data-dir", data.toString(), "--out", dir.resolve("out").toString(), "--engine", "spark");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spark engine is not on the path", "fa-spark", "./fa4j");
    }

    @Test
    void anUnknownEngineIsNamed() {
        Run r = run("sweep", sweep.toString(), "--engine", "mpi");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--engine mpi", "local or spark");
    }

    @Test
    void aMasterWithTheLocalEngineIsAnError() {
        Run r = run("sweep", sweep.toString(), "--master", "local[2]");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--master local[2] needs --engine spark");
    }

    @Test
    void aBadSweepFileNamesTheFileAndTheField() throws Exception {
        Files.writeString(sweep, Files.readString(sweep).replace("\"seeds\":2", "\"seeds\":0"));
        Run r = run("sweep", sweep.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tiny.json", "sweep field 'seeds' is 0");
    }

    @Test
    void theShippedSweepFilesAreValid() throws Exception {
        Path sweeps = DataDir.repoRoot().resolve("configs/sweeps");
        if (!Files.isDirectory(sweeps)) {
            sweeps = Path.of("..").resolve("configs/sweeps");
        }
        try (Stream<Path> s = Files.list(sweeps)) {
            assertThat(s.filter(p -> p.toString().endsWith(".json")).map(SweepSpec::read)).isNotEmpty()
                    .allSatisfy(spec -> assertThat(spec.trials()).isNotEmpty());
        }
    }
}
