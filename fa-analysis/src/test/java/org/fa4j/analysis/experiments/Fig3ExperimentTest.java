package org.fa4j.analysis.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Fig3ExperimentTest {

    @Test
    void trajectoryFromTheOriginEndsOnTheGoodBranchAtTheCubeRootOfTwo() {
        double[][] path = Fig3Experiment.integrate(0, 0, 0.01, 4000);
        double w0 = path[0][path[0].length - 1];
        double w = path[1][path[1].length - 1];
        assertThat(w0).isCloseTo(Math.cbrt(2), within(1e-6));
        assertThat(w).isCloseTo(1 / Math.cbrt(2), within(1e-6));
    }

    @Test
    void trajectoriesStayOnTheirParabola() {
        double[][] path = Fig3Experiment.integrate(-0.7, 1.3, 0.01, 2000);
        double c = 2 * 1.3 - 0.49;
        for (int i = 0; i < path[0].length; i += 100) {
            assertThat(2 * path[1][i] - path[0][i] * path[0][i]).isCloseTo(c, within(1e-8));
        }
    }

    @Test
    void cubicRootsSolveTheCubic() {
        for (double c : new double[] {-3.5, -5, -10}) {
            double[] r = Fig3Experiment.roots(c);
            assertThat(r).hasSize(3);
            for (double u : r) {
                assertThat(u * u * u + c * u - 2).isCloseTo(0, within(1e-9));
            }
            assertThat(r[1]).isNegative();
        }
        assertThat(Fig3Experiment.roots(-2)).isNull();
    }

    @Test
    void pointsOfTheBadBasinFlowToTheLowerLeftBranchAndOthersToTheUpperRight() {
        int checked = 0;
        for (double x = -1.95; x < 2; x += 0.3) {
            for (double y = -1.95; y < 2; y += 0.3) {
                double[][] p = Fig3Experiment.integrate(x, y, 0.005, 8000);
                double endW0 = p[0][p[0].length - 1];
                double endW = p[1][p[1].length - 1];
                assertThat(endW0 * endW).as("end of (%s, %s) lies on W0 W = 1", x, y).isCloseTo(1, within(1e-3));
                assertThat(endW0 < 0).as("(%s, %s) in the bad basin", x, y).isEqualTo(Fig3Experiment.inBadBasin(x, y));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void badBasinAgreesWithTheTheorySuitesFig3Dynamics() {
        for (double x = -2; x <= 2; x += 0.05) {
            for (double y = -2; y <= 2; y += 0.05) {
                boolean theory = org.fa4j.analysis.Fig3Dynamics.predictedOutcome(x, y) == org.fa4j.analysis.Fig3Dynamics.Outcome.BAD_BRANCH;
                assertThat(Fig3Experiment.inBadBasin(x, y)).as("(%s, %s)", x, y).isEqualTo(theory);
            }
        }
    }

    @Test
    void runWritesJsonPngAndSvg() throws Exception {
        Result r = QuickRuns.run(new Fig3Experiment());
        assertThat(r.figures()).containsExactly("fig3.png", "fig3.svg");
        for (String f : r.figures()) {
            assertThat(Files.size(QuickRuns.out().resolve(f))).isGreaterThan(1000);
        }
        Map<String, Object> json = QuickRuns.json("fig3");
        assertThat(json.get("schema")).isEqualTo(Result.SCHEMA);
        assertThat(json).containsKeys("config", "choices", "seeds", "metrics", "summary", "software", "wallTimeSeconds");
        try (var files = Files.list(QuickRuns.out())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }
}
