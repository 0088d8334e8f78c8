package org.fa4j.analysis.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class Fig2dExperimentTest {

    private static Map<String, Object> summary() {
        return QuickRuns.run(new Fig2dExperiment()).summary();
    }

    @Test
    void backpropAndFeedbackAlignmentBeatShallowLearning() {
        Map<String, Object> s = summary();
        double shallow = QuickRuns.num(s, "meanFinalNse_shallow-3layer");
        for (String k : new String[] {"bp-3layer", "fa-3layer", "bp-4layer", "fa-4layer"}) {
            assertThat(QuickRuns.num(s, "meanFinalNse_" + k)).as(k).isLessThan(shallow / 2);
        }
    }

    @Test
    void fourLayerStudentsBeatThreeLayerStudentsOnAverage() {
        Map<String, Object> s = summary();
        assertThat(QuickRuns.num(s, "meanFinalNse_bp-4layer")).isLessThan(QuickRuns.num(s, "meanFinalNse_bp-3layer"));
        assertThat(QuickRuns.num(s, "meanFinalNse_fa-4layer")).isLessThan(QuickRuns.num(s, "meanFinalNse_fa-3layer"));
    }

    @Test
    void tTestsReportPValuesInTheUnitInterval() {
        Map<String, Object> s = summary();
        for (String k : new String[] {"tTestBp_welchP", "tTestFa_welchP", "tTestBp_studentP", "tTestFa_studentP"}) {
            assertThat(QuickRuns.num(s, k)).as(k).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aTrialIsDeterministicGivenItsSeed() {
        NonlinearTask task = new NonlinearTask(5, Fig2dExperiment.TEACHER_SCALE, 2000, 200);
        Fig2dExperiment.Student s = Fig2dExperiment.STUDENTS.get(4);
        assertThat(Fig2dExperiment.train(task, s, 5, 1, 2000, 500)).containsExactly(Fig2dExperiment.train(task, s, 5, 1, 2000, 500));
    }
}
