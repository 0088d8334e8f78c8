package org.fa4j.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fa4j.datasets.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialTest {
    @TempDir
    Path dir;

    private List<Trial> trials(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return SweepSpec.read(f).trials();
    }

    @Test
    void theKeyIsTheSameWhateverTheOrderOfTheAxesInTheFile() throws Exception {
        List<Trial> a = trials(TinySweeps.sweep());
        List<Trial> b = trials(TinySweeps.sweep().replace("\"rule\":[\"bp\",\"fa\"],\"eta\":[0.2,0.5]", "\"eta\":[0.5,0.2],\"rule\":[\"fa\",\"bp\"]"));
        assertThat(b).extracting(Trial::key).containsExactlyInAnyOrderElementsOf(a.stream().map(Trial::key).toList());
        Map<String, Long> seeds = new TreeMap<>();
        a.forEach(t -> seeds.put(t.key(), t.seed()));
        assertThat(b).allSatisfy(t -> assertThat(t.seed()).isEqualTo(seeds.get(t.key())));
    }

    @Test
    void theKeyNamesAValueAsTheConfigHoldsIt() throws Exception {
        List<Trial> a = trials(TinySweeps.sweep());
        List<Trial> b = trials(TinySweeps.sweep().replace("[0.2,0.5]", "[2e-1,0.50]"));
        assertThat(b).extracting(Trial::key).containsExactlyElementsOf(a.stream().map(Trial::key).toList());
    }

    @Test
    void theSeedDependsOnTheSweepSeedAndTheKeyOnly() throws Exception {
        List<Trial> a = trials(TinySweeps.sweep());
        assertThat(a).allSatisfy(t -> assertThat(t.seed()).isEqualTo(Seeds.derive(7, t.key(), 0)));
        assertThat(a.stream().map(Trial::seed).distinct()).hasSize(a.size());
        // A sweep with only one of the axes' values keeps the seeds of the trials it shares.
        List<Trial> fewer = trials(TinySweeps.sweep().replace("[\"bp\",\"fa\"]", "[\"fa\"]"));
        for (Trial t : fewer) {
            assertThat(a).filteredOn(u -> u.key().equals(t.key())).singleElement().extracting(Trial::seed).isEqualTo(t.seed());
        }
        List<Trial> otherSeed = trials(TinySweeps.sweep().replace("\"seed\":7,", "\"seed\":8,"));
        assertThat(otherSeed.getFirst().seed()).isNotEqualTo(a.getFirst().seed());
    }

    @Test
    void aTrialSurvivesJavaSerialisationUnchanged() throws Exception {
        Trial t = trials(TinySweeps.sweep()).get(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(t);
        }
    }

    @Test
    void theFileNameIsTheKeyWithSafeCharacters() throws Exception {
        Trial t = trials(TinySweeps.sweep().replace("\"eta\":[0.2,0.5]", "\"hiddenSizes\":[[16],[8,4]]")).get(2);
        assertThat(t.key()).isEqualTo("hiddenSizes=[8,4],rule=bp,seed=0");
        assertThat(t.fileName()).isEqualTo("hiddenSizes=_8_4__rule=bp_seed=0.json");
    }
}
