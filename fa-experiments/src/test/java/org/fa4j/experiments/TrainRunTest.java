package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.core.TrainingDivergedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class TrainRunTest {
    @TempDir
    Path dir;
    Path data;
    Path out;

    @BeforeEach
    void fixture() throws Exception {
        data = dir.resolve("data");
        out = dir.resolve("out");
        TinyMnist.write(data, "mnist");
    }

    private TrainRunConfig config(String json) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, json);
        return TrainRunConfig.read(f);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path f) throws Exception {
        return ExperimentResult.JSON.readValue(f.toFile(), Map.class);
    }

    @Test
    void whileItRunsOnlyThePartialFileExistsAndSaysRunning() throws Exception {
        List<Map<String, Object>> seen = new ArrayList<>();
        TrainRun.run(config(TinyMnist.config("mnist", "fa")), "train-x", out, data, 1, true, partial -> {
            assertThat(partial).isEqualTo(out.resolve("train-x.partial.json"));
            assertThat(out.resolve("train-x.json")).doesNotExist();
            try {
                seen.add(json(partial));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(seen).hasSize(2); // one per epoch
        assertThat(seen).allSatisfy(m -> assertThat(m).containsEntry("status", "running"));
        assertThat((Map<String, Object>) seen.get(1).get("summary")).containsKey("progress").doesNotContainKey("testErrorPercent");
    }

    @Test
    void onSuccessTheFinalFileSaysCompleteAndThePartialFileIsGone() throws Exception {
        ExperimentResult r = TrainRun.run(config(TinyMnist.config("mnist", "fa")), "train-x", out, data, 1, true);
        assertThat(r.status()).isEqualTo("complete");
        assertThat(out.resolve("train-x.partial.json")).doesNotExist();
        Map<String, Object> m = json(out.resolve("train-x.json"));
        assertThat(m).containsEntry("status", "complete").doesNotContainKey("error");
        assertThat((Map<String, Object>) m.get("summary")).containsKey("testErrorPercent").doesNotContainKey("progress");
        List<List<Double>> curves = (List<List<Double>>) ((Map<String, Object>) m.get("metrics")).get("testErrorPerEpoch");
        assertThat(curves).hasSize(1);
        assertThat(curves.get(0)).hasSize(3); // before training and after each of 2 epochs
        // The tiny set is learnable: training must have done something.
        assertThat(curves.get(0).get(2)).isLessThan(curves.get(0).get(0));
    }

    @Test
    void aStoppedRunLeavesOnlyTheRunningPartialFile() throws Exception {
        TrainRunConfig c = config(TinyMnist.config("mnist", "fa"));
        assertThatThrownBy(() -> TrainRun.run(c, "train-x", out, data, 1, true, partial -> {
            throw new IllegalStateException("stopped");
        })).hasMessage("stopped");
        assertThat(out.resolve("train-x.json")).doesNotExist();
        assertThat(json(out.resolve("train-x.partial.json"))).containsEntry("status", "running");
    }

    @Test
    void aDivergedRunWritesStatusDivergedWithTheReasonAndRethrows() throws Exception {
        TrainRunConfig c = config(TinyMnist.divergingConfig());
        assertThatThrownBy(() -> TrainRun.run(c, "train-x", out, data, 1, true)).isInstanceOf(TrainingDivergedException.class);
        assertThat(out.resolve("train-x.partial.json")).doesNotExist();
        Map<String, Object> m = json(out.resolve("train-x.json"));
        assertThat(m).containsEntry("status", "diverged");
        assertThat((String) m.get("error")).contains("training diverged at step").contains("non-finite");
        assertThat((Map<String, Object>) m.get("summary")).doesNotContainKey("testErrorPercent");
    }

    @Test
    void theResultNameHoldsTheConfigsDirectoryAndStem() {
        assertThat(TrainRun.name(Path.of("configs", "mnist-20-epochs", "fa.json"))).isEqualTo("train-mnist-20-epochs-fa");
        assertThat(TrainRun.name(Path.of("configs", "mnist-40-epochs", "fa.json"))).isEqualTo("train-mnist-40-epochs-fa");
        assertThat(TrainRun.name(Path.of("/tmp/my runs/wide net.json"))).isEqualTo("train-my_runs-wide_net");
        assertThat(TrainRun.name(Path.of("/c.json"))).isEqualTo("train-c");
    }

    /** The example config with one hidden layer of {@code size} units. */
    private TrainRunConfig hidden(int size) throws Exception {
        String json = new ObjectMapper().writeValueAsString(TrainRunConfig.example())
                .replaceAll("\"hiddenSizes\":\\[[0-9,]+\\]", "\"hiddenSizes\":[" + size + "]");
        assertThat(json).contains("\"hiddenSizes\":[" + size + "]");
        return config(json);
    }

    @Test
    void aLayerTooLargeForAJavaArrayIsRefusedNamingTheFieldBeforeAnyWork() throws Exception {
        TrainRunConfig c = hidden(2_000_000_000);
        assertThatThrownBy(() -> TrainRun.run(c, "train-x", out, data, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config field 'hiddenSizes' is [2000000000]")
                .hasMessageContaining("784 inputs x 2000000000 units").hasMessageContaining("more than a Java array holds")
                .hasMessageNotContaining("overflow");
        assertThat(out).doesNotExist();
    }

    @Test
    void aLayerTooLargeForTheHeapIsRefusedWithTheBytesItNeeds() throws Exception {
        TrainRunConfig c = hidden(1_000_000);
        assertThatThrownBy(() -> TrainRun.run(c, "train-x", out, data, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config field 'hiddenSizes' [1000000]")
                .hasMessageContaining("784-1000000-10").hasMessageMatching("(?s).*needs \\d+ bytes.*").hasMessageContaining("-Xmx");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputFolderUnderARegularFileIsRefusedBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        List<Integer> epochs = new ArrayList<>();
        assertThatThrownBy(() -> TrainRun.run(config(TinyMnist.config("mnist", "fa")), "train-x", file.resolve("out"), data, 1, true,
                partial -> epochs.add(1)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.resolve("out").toString())
                .hasMessageContaining("Not a directory");
        assertThat(epochs).isEmpty();
    }

    @Test
    void staleTemporariesOfAKilledRunAreRemovedAtTheNextStart() throws Exception {
        Files.createDirectories(out);
        Path stale = Files.createFile(out.resolve(".train-x.partial-8163.tmp.json")); // a 0-byte leftover of kill -9
        TrainRun.run(config(TinyMnist.config("mnist", "fa")), "train-x", out, data, 1, true);
        assertThat(stale).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("train-x.json");
        }
    }
}
