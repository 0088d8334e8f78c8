package org.fa4j.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {
    @TempDir
    Path dir;

    private SweepSpec read(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return SweepSpec.read(f);
    }

    @Test
    void aGridOfTwoAxesWithTwoSeedsHasEveryCombination() throws Exception {
        List<Trial> trials = read(TinySweeps.sweep()).trials();
        assertThat(trials).extracting(Trial::key).containsExactly(
                "eta=0.2,rule=bp,seed=0", "eta=0.2,rule=bp,seed=1", "eta=0.5,rule=bp,seed=0", "eta=0.5,rule=bp,seed=1",
                "eta=0.2,rule=fa,seed=0", "eta=0.2,rule=fa,seed=1", "eta=0.5,rule=fa,seed=0", "eta=0.5,rule=fa,seed=1");
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.config().trials()).isEqualTo(1);
            assertThat(t.config().seed()).isEqualTo(t.seed());
        });
        assertThat(trials.get(4).config().rule()).isEqualTo("fa");
        assertThat(trials.get(4).config().eta()).isEqualTo(0.2);
    }

    @Test
    void everyShippedSweepReadsAndSaysHowItScalesTheBatch() throws Exception {
        Path sweeps = Path.of(System.getProperty("user.dir")).resolveSibling("configs").resolve("sweeps");
        try (var files = Files.list(sweeps)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(list).isNotEmpty().anySatisfy(f -> assertThat(f).hasFileName("quick.json"));
            for (Path f : list) {
                SweepSpec s = SweepSpec.read(f);
                assertThat(s.base().has("batchScaling")).as(f.toString()).isTrue();
                assertThat(s.trials()).as(f.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"seeds\":2", "\"seeds\":2,\"sedes\":3")))
                .hasMessageContaining("s.json").hasMessageContaining("unknown sweep field 'sedes'").hasMessageContaining("seeds");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"seeds\":2,", "")))
                .hasMessageContaining("missing sweep field 'seeds'");
    }

    @Test
    void aRepeatedFieldIsNamed() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"seeds\":2", "\"seeds\":2,\"seeds\":3")))
                .hasMessageContaining("'seeds' is given twice");
    }

    @Test
    void anAxisThatIsNoConfigFieldIsNamed() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"eta\":[0.2,0.5]", "\"etta\":[0.2,0.5]")))
                .hasMessageContaining("sweep field 'grid.etta'").hasMessageContaining("a field of the train config");
    }

    @Test
    void theSweepSetsTrialsAndSeedSoTheBaseMustNot() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"epochs\":2,", "\"epochs\":2,\"trials\":3,")))
                .hasMessageContaining("sweep field 'base.trials'");
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"rule\":[\"bp\",\"fa\"]", "\"seed\":[1,2]")))
                .hasMessageContaining("sweep field 'grid.seed'");
    }

    @Test
    void aBadBaseFieldIsNamedAsAConfigField() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"batch\":1,", "\"batch\":0,")))
                .hasMessageContaining("sweep field 'base'").hasMessageContaining("config field 'batch' is 0");
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"batchScaling\":\"mean\",", "")))
                .hasMessageContaining("missing config field 'batchScaling'");
    }

    @Test
    void aBadAxisValueNamesItsGridPoint() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"rule\":[\"bp\",\"fa\"]", "\"rule\":[\"bp\",\"fb\"]")))
                .hasMessageContaining("grid point rule=fb,eta=0.2").hasMessageContaining("config field 'rule'");
    }

    @Test
    void anUnknownMetricIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"finalTestError\"", "\"finalTestErr\"")))
                .hasMessageContaining("sweep field 'metrics' is finalTestErr").hasMessageContaining("testErrorPerEpoch");
    }

    @Test
    void notJsonGivesTheLine() {
        assertThatThrownBy(() -> read("{\"version\":1,\n\"name\":"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 2");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"seeds\":2", "\"seeds\":\"two\"")))
                .hasMessageContaining("sweep field 'seeds' is \"two\"; expected an integer");
        assertThatThrownBy(() -> read(TinySweeps.sweep().replace("\"eta\":[0.2,0.5]", "\"eta\":0.2")))
                .hasMessageContaining("sweep field 'grid.eta' is 0.2; expected a list");
    }
}
