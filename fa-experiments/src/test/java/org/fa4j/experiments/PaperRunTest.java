package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fa4j.core.Model;
import org.fa4j.core.Trainer;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.EpochOrder;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paper-protocol run resumes bit-identically from any finished epoch and refuses state that is not its own. */
class PaperRunTest {
    @TempDir
    Path tmp;

    private static Dataset data(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(rows, 30);
        Matrix y = Matrix.zeros(rows, 10);
        for (int i = 0; i < rows; i++) {
            int k = r.nextInt(10);
            y.set(i, k, 1f);
            for (int j = 0; j < 30; j++) {
                x.set(i, j, (float) (r.nextDouble() * 0.2 + (j % 10 == k ? 0.8 : 0)));
            }
        }
        return new Dataset(x, y, null);
    }

    private static final Dataset TRAIN = data(120, 1);
    private static final Dataset VALIDATION = data(40, 2);
    private static final Dataset TEST = data(40, 3);

    private static PaperRun.Setup setup(double beta) {
        return new PaperRun.Setup("fa-t01", MnistRule.FEEDBACK_ALIGNMENT, 0.3, beta, 11, 12, 16, "test protocol");
    }

    private static PaperRun open(Path dir, PaperRun.Setup s) {
        return PaperRun.open(dir, s, TRAIN, VALIDATION, TEST);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunResumedAfterAnyEpochEndsBitIdenticalToOneRunStraightThrough() throws IOException {
        Path straight = Files.createDirectory(tmp.resolve("straight"));
        Path resumed = Files.createDirectory(tmp.resolve("resumed"));
        open(straight, setup(0.5)).advanceTo(4, 0.5, 1e-6, null);
        open(resumed, setup(0.5)).advanceTo(1, 0.5, 1e-6, null);
        open(resumed, setup(0.5)).advanceTo(3, 0.5, 1e-6, null);
        PaperRun last = open(resumed, setup(0.5));
        assertThat(last.epochs()).isEqualTo(3);
        last.advanceTo(4, 0.5, 1e-6, null);
        PaperRun a = open(straight, setup(0.5));
        PaperRun b = open(resumed, setup(0.5));
        assertThat(b.validationError()).containsExactly(a.validationError());
        assertThat(b.testError()).containsExactly(a.testError());
        assertThat(a.validationError()[4]).isLessThan(a.validationError()[0]); // it learns
        assertThat(Files.readAllBytes(resumed.resolve("fa-t01-e0004.model"))).isEqualTo(Files.readAllBytes(straight.resolve("fa-t01-e0004.model")));
        // Only the last epoch's weights are kept.
        assertThat(files(resumed)).containsExactly("fa-t01-e0004.model", "fa-t01.json");
    }

    @Test
    void theRunTrainsWhatAnIndependentLoopOverTheSameOrdersTrains() throws IOException {
        PaperRun.Setup s = setup(0.5);
        open(tmp, s).advanceTo(2, 0.5, 1e-6, null);
        Model ref = PaperRun.newModel(s, 30);
        Trainer t = Trainer.newBuilder(ref, MnistTrial.config(0.5, 1, 1, 1e-6, s.orderSeed())).linalg(Linalg.defaults().withThreads(1)).build();
        int[] perm = new int[TRAIN.size()];
        for (int e = 1; e <= 2; e++) {
            EpochOrder.shuffled(Seeds.derive(s.orderSeed(), "epoch", e)).next(perm);
            t.epoch(TRAIN.inputs(), TRAIN.targets(), perm);
        }
        assertThat(Model.load(tmp.resolve("fa-t01-e0002.model")).contentEquals(ref)).isTrue();
        assertThat(open(tmp, s).testError()[2]).isEqualTo(PaperRun.error(ref, TEST, Linalg.defaults()));
    }

    @Test
    void aStopBetweenTheWeightsAndTheRecordRedoesOnlyTheUnrecordedEpoch() throws IOException {
        Path straight = Files.createDirectory(tmp.resolve("straight"));
        Path cut = Files.createDirectory(tmp.resolve("cut"));
        open(straight, setup(0.5)).advanceTo(2, 0.5, 1e-6, null);
        open(cut, setup(0.5)).advanceTo(1, 0.5, 1e-6, null);
        Files.writeString(cut.resolve("fa-t01-e0002.model"), "half-written"); // the weights of epoch 2 without its record
        open(cut, setup(0.5)).advanceTo(2, 0.5, 1e-6, null);
        assertThat(open(cut, setup(0.5)).validationError()).containsExactly(open(straight, setup(0.5)).validationError());
        assertThat(files(cut)).containsExactly("fa-t01-e0002.model", "fa-t01.json");
    }

    @Test
    void aFinishedRunKeepsItsRecordAndSaturationAndNoWeights() throws IOException {
        PaperRun r = open(tmp, setup(0.5));
        r.advanceTo(2, 0.5, 1e-6, null);
        r.finish();
        PaperRun again = open(tmp, setup(0.5));
        assertThat(again.finished()).isTrue();
        assertThat(again.saturation()).hasSize(2);
        assertThat(again.seconds()).isPositive();
        assertThat(files(tmp)).containsExactly("fa-t01.json");
        again.advanceTo(2, 0.5, 1e-6, null); // nothing to do
        assertThatThrownBy(() -> again.advanceTo(3, 0.5, 1e-6, null)).hasMessageContaining("finished at 2 epochs");
    }

    @Test
    void stateOfAnotherSetupIsRefusedNamingTheFile() {
        open(tmp, setup(0.5)).advanceTo(1, 0.5, 1e-6, null);
        assertThatThrownBy(() -> open(tmp, setup(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(tmp.resolve("fa-t01.json").toString())
                .hasMessageContaining("another setup");
    }

    @Test
    void aMissingWeightsFileIsNamed() throws IOException {
        open(tmp, setup(0.5)).advanceTo(1, 0.5, 1e-6, null);
        Files.delete(tmp.resolve("fa-t01-e0001.model"));
        assertThatThrownBy(() -> open(tmp, setup(0.5))).hasMessageContaining("fa-t01-e0001.model").hasMessageContaining("missing");
    }

    @Test
    void anUnreadableRecordIsNamed() throws IOException {
        Files.writeString(tmp.resolve("fa-t01.json"), "{ not json");
        assertThatThrownBy(() -> open(tmp, setup(0.5))).hasMessageContaining("cannot read the run record").hasMessageContaining("fa-t01.json");
    }

    @Test
    void keysAreFileNamesWithoutSurprises() {
        assertThatThrownBy(() -> new PaperRun.Setup("../x", MnistRule.BACKPROP, 0.1, 0, 1, 2, 10, "p")).hasMessageContaining("run key");
    }
}
