package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Fig3ExperimentTest {

    @Test
    void summaryReportsTheTrajectoryEndAtTheCubeRootOfTwoAndASmallBadBasin() throws Exception {
        ExperimentResult r = QuickRuns.run(new Fig3Experiment());
        Map<String, Object> json = QuickRuns.json("fig3");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) json.get("summary");
        assertThat(((Number) summary.get("trajectoryEndW0")).doubleValue()).isCloseTo(Math.cbrt(2), within(1e-6));
        assertThat(((Number) summary.get("trajectoryEndW")).doubleValue()).isCloseTo(1 / Math.cbrt(2), within(1e-6));
        assertThat(((Number) summary.get("badBasinAreaFraction")).doubleValue()).isBetween(0.05, 0.25);
        assertThat(r.figures()).isNotEmpty();
    }

    @Test
    void runWritesJsonPngAndSvg() throws Exception {
        ExperimentResult r = QuickRuns.run(new Fig3Experiment());
        assertThat(r.figures()).containsExactly("fig3.png", "fig3.svg");
        for (String f : r.figures()) {
            assertThat(Files.size(QuickRuns.out().resolve(f))).isGreaterThan(1000);
        }
        Map<String, Object> json = QuickRuns.json("fig3");
        assertThat(json.get("schema")).isEqualTo(ExperimentResult.SCHEMA);
        assertThat(json).containsKeys("config", "choices", "seeds", "metrics", "summary", "software", "wallTimeSeconds");
        try (var files = Files.list(QuickRuns.out())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }
}
