package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Fig1ExperimentTest {

    @Test
    void backpropAndFeedbackAlignmentDriveTheErrorFarBelowShallowLearning() {
        Map<String, Object> s = QuickRuns.run(new Fig1Experiment()).summary();
        double shallow = QuickRuns.num(s, "finalNse_SHALLOW");
        double bp = QuickRuns.num(s, "finalNse_BACKPROP");
        double fa = QuickRuns.num(s, "finalNse_FEEDBACK_ALIGNMENT");
        double np = QuickRuns.num(s, "finalNse_NODE_PERTURBATION");
        assertThat(shallow).isGreaterThan(0.2); // the null space of W0 bounds shallow learning (PAPER.md §2.1)
        assertThat(bp).isLessThan(1e-6).isLessThan(shallow / 1e4);
        assertThat(fa).isLessThan(1e-6).isLessThan(shallow / 1e4);
        assertThat(np).isLessThan(shallow).isGreaterThan(Math.max(bp, fa));
    }

    @Test
    void angleBetweenFaAndBpSignalsStartsNearNinetyAndFallsWellBelow() {
        Map<String, Object> s = QuickRuns.run(new Fig1Experiment()).summary();
        double first = QuickRuns.num(s, "angleFaBpFirst10Deg");
        double last = QuickRuns.num(s, "angleFaBpLast1000Deg");
        assertThat(first).isGreaterThan(60);
        assertThat(last).isLessThan(60).isLessThan(first - 20);
    }

    @Test
    void faCoreFloat32SeriesFollowTheFloat64CurvesUntilTheirFloor() {
        Map<String, Object> s = QuickRuns.run(new Fig1Experiment()).summary();
        for (String rule : new String[] {"BACKPROP", "FEEDBACK_ALIGNMENT"}) {
            double f32 = QuickRuns.num(s, "finalNse_faCore_" + rule);
            double floor = QuickRuns.num(s, "floorNse_faCore_" + rule);
            double f64 = QuickRuns.num(s, "finalNse_" + rule);
            // same data, order, initial weights, B and η: the curves coincide (within 1%) for hundreds of examples
            assertThat(QuickRuns.num(s, "agreesWithFloat64Until_faCore_" + rule)).as(rule).isGreaterThanOrEqualTo(500);
            assertThat(f32).as(rule).isLessThan(1e-9);
            // float32 stops where rounding of W, x and y* dominates; float64 goes on far below
            assertThat(floor).as(rule).isGreaterThan(1e-17).isGreaterThan(1e3 * f64);
        }
    }

    @Test
    void etaComesFromTheGridAndTheSearchIsRecorded() throws Exception {
        QuickRuns.run(new Fig1Experiment());
        Map<String, Object> json = QuickRuns.json("fig1");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        @SuppressWarnings("unchecked")
        Map<String, List<?>> search = (Map<String, List<?>>) metrics.get("etaSearch");
        assertThat(search.get("BACKPROP")).hasSize(Fig1Experiment.ETA_GRID.length);
        assertThat(search.get("NODE_PERTURBATION")).hasSize(Fig1Experiment.ETA_GRID.length * Fig1Experiment.SIGMA_GRID.length);
        assertThat(Fig1Experiment.ETA_GRID).contains(QuickRuns.num(QuickRuns.run(new Fig1Experiment()).summary(), "eta_FEEDBACK_ALIGNMENT"));
    }
}
