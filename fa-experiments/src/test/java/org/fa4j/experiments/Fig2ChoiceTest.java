package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** family and figS1 reuse fig2.json's hyperparameters only when it comes from the same seed, --quick and search protocol. */
class Fig2ChoiceTest {
    private static final long SEED = 1411024L;
    private static final String PROTOCOL = "BP/FA: η 1.2 triangle:0.3333333333333333, batch 10, 3 epochs; ...";

    private static void fig2(Path dir, long seed, boolean quick, String protocol) {
        fig2(dir, seed, quick, protocol, true);
    }

    private static void fig2(Path dir, long seed, boolean quick, String protocol, boolean withShallowOmega) {
        ExperimentResult r = new ExperimentResult("fig2");
        r.seed("master", seed);
        r.config("quick", quick);
        r.summary("omega", 0.05).summary("outputOmega", 0.03).summary("fastEta", 2.4).summary("shallowEta", 0.2);
        if (withShallowOmega) {
            r.summary("shallowOmega", 0.3);
        }
        r.summary("beta", 2.0).summary("searchProtocol", protocol);
        r.write(dir);
    }

    /** A full run with SEED and PROTOCOL does not use dir's fig2.json, and says why. */
    private static void assertNotUsed(Path dir, String... why) {
        Fig2Choice c = Fig2Choice.read(dir, SEED, false, PROTOCOL);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains(why);
    }

    @Test
    void aSeedBeyondIntIsComparedAsALong(@TempDir Path dir) {
        long big = (1L << 40) + 7;
        fig2(dir, big, false, PROTOCOL);
        assertThat(Fig2Choice.read(dir, big, false, PROTOCOL).usable()).isTrue();
        assertThat(Fig2Choice.read(dir, 7, false, PROTOCOL).usable()).isFalse();
    }

    @Test
    void aSummaryWithoutShallowOmegaIsNotUsed(@TempDir Path dir) {
        fig2(dir, SEED, false, PROTOCOL, false);
        assertNotUsed(dir, "shallowOmega");
    }

    @Test
    void aNonPositiveScaleIsNotUsed(@TempDir Path dir) throws Exception {
        fig2(dir, SEED, false, PROTOCOL);
        Path f = dir.resolve("fig2.json");
        Files.writeString(f, Files.readString(f).replace("\"outputOmega\" : 0.03", "\"outputOmega\" : 0"));
        assertNotUsed(dir, "no positive outputOmega");
    }

    @Test
    void aFileOfTheWrongShapeIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fig2.json"), "null");
        assertThat(Fig2Choice.read(dir, SEED, false, PROTOCOL).why()).contains("not a fig2 result");
        Files.writeString(dir.resolve("fig2.json"), "{\"seeds\": 3, \"config\": {}, \"summary\": {}}");
        assertThat(Fig2Choice.read(dir, SEED, false, PROTOCOL).why()).contains("not a fig2 result");
    }

    @Test
    void aMatchingFig2JsonGivesItsChoices(@TempDir Path dir) {
        fig2(dir, SEED, false, PROTOCOL);
        Fig2Choice c = Fig2Choice.read(dir, SEED, false, PROTOCOL);
        assertThat(c.usable()).isTrue();
        assertThat(c.choice()).isEqualTo(new MnistChoice(0.05, 0.03, 2.0, 2.4, 0.3, 0.2));
    }

    @Test
    void noFileMeansDefaults(@TempDir Path dir) {
        assertNotUsed(dir, "no fig2.json");
    }

    @Test
    void anotherMasterSeedIsNotUsed(@TempDir Path dir) {
        fig2(dir, 7, false, PROTOCOL);
        assertNotUsed(dir, "master seed 7", Long.toString(SEED));
    }

    @Test
    void aQuickRunsChoicesAreNotUsedByAFullRunNorTheOtherWay(@TempDir Path dir) {
        fig2(dir, SEED, true, PROTOCOL);
        assertNotUsed(dir, "quick = true");
        assertThat(Fig2Choice.read(dir, SEED, true, PROTOCOL).usable()).isTrue();
    }

    @Test
    void aFig2JsonFromAnOlderSearchProtocolIsNotUsed(@TempDir Path dir) {
        fig2(dir, SEED, false, "η 1.2 triangle:0.05, batch 10, 1 epochs; ...");
        assertNotUsed(dir, "another validation search");
    }

    @Test
    void anUnreadableFileIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fig2.json"), "{ not json");
        assertNotUsed(dir, "cannot be read");
    }
}
