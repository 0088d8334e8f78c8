package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every config shipped under the repository's {@code configs/} reads, and names a known rule and data set. */
class ConfigsTest {
    /** The repository's configs directory: Surefire runs in fa-experiments/, so it is one level up. */
    static Path configsDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("configs")) && Files.exists(p.resolve("fa-experiments").resolve("pom.xml"))) {
                return p.resolve("configs");
            }
        }
        throw new AssertionError("no configs/ directory above " + here);
    }

    static List<Path> configs() throws IOException {
        try (Stream<Path> s = Files.walk(configsDir())) {
            // configs/sweeps holds sweep files, not train configs (SweepSpecTest reads them).
            return s.filter(p -> p.toString().endsWith(".json")).filter(p -> !p.getParent().endsWith("sweeps")).sorted().toList();
        }
    }

    @Test
    void theRepositoryShipsConfigs() throws IOException {
        // Guards the parameterised test below against passing vacuously on an empty list.
        assertThat(configs()).isNotEmpty()
                .anySatisfy(p -> assertThat(p).endsWith(Path.of("mnist-20-epochs", "fa.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyConfigReadsAndNamesAKnownRuleAndDataSet(Path file) {
        TrainRunConfig c = TrainRunConfig.read(file);
        assertThatCode(() -> MnistRule.of(c.rule())).as("rule of %s", file).doesNotThrowAnyException();
        assertThat(c.dataset()).as("dataset of %s", file).isIn("mnist", "fashion-mnist");
        assertThat(c.learningRateSchedule()).as("schedule of %s", file).isNotNull();
    }

    @Test
    void noTwoConfigsShareAResultFile() throws IOException {
        List<String> names = configs().stream().map(TrainRun::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
