package org.fa4j.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fa4j.experiments.TinyMnist;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    @TempDir
    Path dir;
    Path data;
    SweepSpec spec;
    List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void fixture() throws Exception {
        data = dir.resolve("data");
        TinyMnist.write(data, "mnist");
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TinySweeps.sweep());
        spec = SweepSpec.read(f);
    }

    private SweepReport run(Path out, int threads) throws Exception {
        return Sweep.run(spec, new LocalEngine(), new EngineOptions(data, threads, null, Map.of()), out, log::add);
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
    void oneThreadAndTwoThreadsWriteTheSameFiles() throws Exception {
        run(dir.resolve("one"), 1);
        run(dir.resolve("two"), 2);
        Map<String, String> one = files(dir.resolve("one"));
        assertThat(one).hasSize(8);
        assertThat(files(dir.resolve("two"))).isEqualTo(one);
    }

    @Test
    void theTrialsInReverseOrderGiveTheSameResults() throws Exception {
        List<Trial> trials = new ArrayList<>(spec.trials());
        Map<String, TrialResult> forward = new TreeMap<>();
        new LocalEngine().run(trials, new EngineOptions(data, 1, null, Map.of()), r -> forward.put(r.key(), r));
        Collections.reverse(trials);
        Map<String, TrialResult> backward = Collections.synchronizedMap(new TreeMap<>());
        new LocalEngine().run(trials, new EngineOptions(data, 2, null, Map.of()), r -> backward.put(r.key(), r));
        assertThat(backward.keySet()).isEqualTo(forward.keySet());
        for (Trial t : trials) {
            assertThat(TrialFiles.render(t, backward.get(t.key()))).isEqualTo(TrialFiles.render(t, forward.get(t.key())));
        }
    }

    @Test
    void aResultFileHoldsTheTrialTheMetricsAndNoTimeOrHost() throws Exception {
        Path out = dir.resolve("out");
        run(out, 2);
        String text = Files.readString(out.resolve("eta=0.5_rule=fa_seed=1.json"));
        assertThat(text).contains("\"key\" : \"eta=0.5,rule=fa,seed=1\"", "\"status\" : \"complete\"", "\"testErrorPerEpoch\"",
                "\"finalTestError\"", "\"finalTrainLoss\"", "\"trainExamples\" : 80").doesNotContain("seconds", "pid", "host");
        assertThat(log).anyMatch(l -> l.startsWith("sweep tiny: 8/8 "));
    }

    @Test
    void aRerunSkipsTheValidResultsAndSaysHowMany() throws Exception {
        Path out = dir.resolve("out");
        SweepReport first = run(out, 2);
        assertThat(first.skipped()).isZero();
        assertThat(first.ran()).isEqualTo(8);
        Map<String, String> before = files(out);
        log.clear();
        SweepReport again = run(out, 2);
        assertThat(again.skipped()).isEqualTo(8);
        assertThat(again.ran()).isZero();
        assertThat(log.getFirst()).contains("skipped 8");
        assertThat(files(out)).isEqualTo(before);
    }

    @Test
    void aRerunRedoesCorruptMissingAndStaleResults() throws Exception {
        Path out = dir.resolve("out");
        run(out, 2);
        Map<String, String> before = files(out);
        Files.writeString(out.resolve("eta=0.2_rule=bp_seed=0.json"), "{\"format\": \"fa4j-sweep-trial/1\", \"key\": ");
        Files.delete(out.resolve("eta=0.5_rule=fa_seed=1.json"));
        // A result of another config under the same name (here: another seed) is stale.
        Files.writeString(out.resolve("eta=0.2_rule=fa_seed=0.json"), before.get("eta=0.2_rule=fa_seed=0.json").replaceFirst("\"seed\" : -?\\d+", "\"seed\" : 1"));
        log.clear();
        SweepReport again = run(out, 2);
        assertThat(again.skipped()).isEqualTo(5);
        assertThat(again.ran()).isEqualTo(3);
        assertThat(log.getFirst()).contains("skipped 5");
        assertThat(files(out)).isEqualTo(before);
    }

    @Test
    void aResultWithoutAMetricTheSweepKeepsIsRunAgain() throws Exception {
        Path out = dir.resolve("out");
        run(out, 2);
        Path f = dir.resolve("more.json");
        Files.writeString(f, TinySweeps.sweep().replace("\"finalTrainLoss\"", "\"finalTrainLoss\",\"trainLossPerEpoch\""));
        SweepReport again = Sweep.run(SweepSpec.read(f), new LocalEngine(), new EngineOptions(data, 2, null, Map.of()), out, log::add);
        assertThat(again.skipped()).isZero();
        assertThat(files(out).values()).allMatch(t -> t.contains("trainLossPerEpoch"));
    }

    @Test
    void aTrialTrainsWithTheLossItsConfigNames() throws Exception {
        Path f = dir.resolve("loss.json");
        Files.writeString(f, TinySweeps.sweep().replace("\"output\":\"logistic\"", "\"output\":\"linear\"")
                .replace("\"rule\":[\"bp\",\"fa\"],\"eta\":[0.2,0.5]", "\"loss\":[\"softmax-cross-entropy\"]")
                .replace("\"seeds\":2", "\"seeds\":1"));
        Trial softmax = SweepSpec.read(f).trials().getFirst();
        assertThat(softmax.config().loss()).isEqualTo("softmax-cross-entropy");
        // The same trial and seed with the other loss: the curves differ through the loss alone.
        Trial squared = new Trial(softmax.sweep(), softmax.key(), softmax.axes(), softmax.replicate(), softmax.seed(),
                softmax.configJson().replace("softmax-cross-entropy", "squared-error"), softmax.trainExamples(), softmax.testExamples(),
                softmax.metrics());
        assertThat(squared.config().loss()).isEqualTo("squared-error");
        assertThat(TrialRunner.run(softmax, data).trainLossPerEpoch()).isNotEqualTo(TrialRunner.run(squared, data).trainLossPerEpoch());
    }

    @Test
    void aDivergedTrialIsAResultAndIsNotRunAgain() throws Exception {
        Path f = dir.resolve("div.json");
        Files.writeString(f, TinySweeps.sweep().replace("\"hidden\":\"tanh\",\"output\":\"logistic\"", "\"hidden\":\"relu\",\"output\":\"linear\"")
                .replace("\"omega\":0.5", "\"omega\":5").replace("[0.2,0.5]", "[9]"));
        SweepSpec div = SweepSpec.read(f);
        Path out = dir.resolve("out");
        SweepReport r = Sweep.run(div, new LocalEngine(), new EngineOptions(data, 2, null, Map.of()), out, log::add);
        assertThat(r.diverged()).isEqualTo(r.ran()).isEqualTo(4);
        assertThat(files(out).values()).allMatch(t -> t.contains("\"status\" : \"diverged\""));
        assertThat(Sweep.run(div, new LocalEngine(), new EngineOptions(data, 2, null, Map.of()), out, log::add).skipped()).isEqualTo(4);
    }
}
