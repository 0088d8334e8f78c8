package org.fa4j.analysis.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fashion, family and figS1 reuse fig2.json's ω / β only when it comes from the same seed, --quick and search protocol. */
class Fig2ChoiceTest {
    private static final long SEED = 1411024L;

    private static void fig2(Path dir, long seed, boolean quick, String protocol) {
        Result r = new Result("fig2");
        r.seed("master", seed);
        r.config("quick", quick);
        r.summary("omega", 0.05).summary("shallowOmega", 0.3).summary("beta", 2.0).summary("searchProtocol", protocol);
        r.write(dir);
    }

    @Test
    void aMatchingFig2JsonGivesItsChoices(@TempDir Path dir) {
        fig2(dir, SEED, false, MnistExperiment.searchProtocol(false));
        Fig2Choice c = Fig2Choice.read(dir, SEED, false);
        assertThat(c.usable()).isTrue();
        assertThat(c.init()).isEqualTo(new MnistInit(0.05, 0.3, 2.0));
    }

    @Test
    void noFileMeansDefaults(@TempDir Path dir) {
        Fig2Choice c = Fig2Choice.read(dir, SEED, false);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("no fig2.json");
    }

    @Test
    void anotherMasterSeedIsNotUsed(@TempDir Path dir) {
        fig2(dir, 7, false, MnistExperiment.searchProtocol(false));
        Fig2Choice c = Fig2Choice.read(dir, SEED, false);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("master seed 7").contains(Long.toString(SEED));
    }

    @Test
    void aQuickRunsChoicesAreNotUsedByAFullRunNorTheOtherWay(@TempDir Path dir) {
        fig2(dir, SEED, true, MnistExperiment.searchProtocol(true));
        assertThat(Fig2Choice.read(dir, SEED, false).usable()).isFalse();
        assertThat(Fig2Choice.read(dir, SEED, false).why()).contains("quick = true");
        assertThat(Fig2Choice.read(dir, SEED, true).usable()).isTrue();
    }

    @Test
    void aFig2JsonFromAnOlderSearchProtocolIsNotUsed(@TempDir Path dir) {
        fig2(dir, SEED, false, "η 1.2 triangle:0.05, batch 10, 1 epochs; ...");
        Fig2Choice c = Fig2Choice.read(dir, SEED, false);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("another validation search");
    }

    @Test
    void anUnreadableFileIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fig2.json"), "{ not json");
        Fig2Choice c = Fig2Choice.read(dir, SEED, false);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("cannot be read");
    }

    @Test
    void theSearchScheduleKeepsTheFullWarmUpLength() {
        // full: 20 epochs × 5% = 1 epoch of warm-up; a 3-epoch search warms up over 1 epoch of 3, a 1-epoch one over half
        assertThat(MnistExperiment.searchSchedule(3).decay()).isEqualTo(org.fa4j.core.LearningRateSchedule.triangle(1.0 / 3));
        assertThat(MnistExperiment.searchSchedule(1).decay()).isEqualTo(org.fa4j.core.LearningRateSchedule.triangle(0.5));
        assertThat(MnistExperiment.searchSchedule(3).eta()).isEqualTo((float) MnistExperiment.FAST_ETA);
    }
}
