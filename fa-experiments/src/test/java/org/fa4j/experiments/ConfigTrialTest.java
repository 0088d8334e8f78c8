package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.TrainTest;
import org.fa4j.simd.Linalg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTrialTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aTrialOnTheWholeDataSetGivesTheCurveOfTrainRun() throws Exception {
        Path data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        Path f = dir.resolve("c.json");
        Files.writeString(f, TinyMnist.config("mnist", "fa"));
        TrainRunConfig c = TrainRunConfig.read(f);
        TrainRun.run(c, "train-x", dir.resolve("out"), data, 1, true);
        Map<String, Object> res = ExperimentResult.JSON.readValue(dir.resolve("out/train-x.json").toFile(), Map.class);
        List<List<Double>> curves = (List<List<Double>>) ((Map<String, Object>) res.get("metrics")).get("testErrorPerEpoch");
        TrainTest tt = Mnist.load(data.resolve("mnist"));
        ConfigTrial t = ConfigTrial.run(c, tt.train(), tt.test(), 0, Linalg.defaults().withThreads(1));
        assertThat(t.testErrorPerEpoch()).containsExactly(curves.getFirst().stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(t.trainLossPerEpoch()).hasSize(c.epochs());
        assertThat(java.util.Arrays.stream(t.trainLossPerEpoch())).allMatch(l -> l > 0 && Double.isFinite(l));
    }
}
