package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.fa4j.core.LearningRateSchedule;
import org.junit.jupiter.api.Test;

/** The validation search's schedule and the protocol string that guards the reuse of fig2.json (no data needed). */
class MnistSearchTest {

    @Test
    void theSearchScheduleWarmsUpOverOneEpochAsTheFullScheduleDoes() {
        // full: 20 epochs × 5% = 1 epoch of warm-up; a 3-epoch search warms up over 1 epoch of 3, a 1-epoch one over half
        assertThat(MnistExperiment.searchSchedule(3).decay()).isEqualTo(LearningRateSchedule.triangle(1.0 / 3));
        assertThat(MnistExperiment.searchSchedule(1).decay()).isEqualTo(LearningRateSchedule.triangle(0.5));
        assertThat(MnistExperiment.searchSchedule(3).eta()).isEqualTo((float) MnistExperiment.FAST_ETA);
        assertThat(MnistExperiment.searchSchedule(3).batch()).isEqualTo(MnistExperiment.FAST_BATCH);
    }

    private static MnistExperiment.Budget budget(int searchEpochs, int fastEpochs, int hidden, int train) {
        return new MnistExperiment.Budget(train, 1000, hidden, searchEpochs, fastEpochs, 5);
    }

    @Test
    void theProtocolNamesTheStepsBothSearchSchedulesTheGridsTheSeedsAndTheBudget() {
        String p = MnistExperiment.searchProtocol(budget(3, 20, 1000, 60_000));
        assertThat(p).contains("steps " + MnistSearch.STEPS).contains("short schedule: triangle:0.3333333333333333, batch 10, 3 epochs")
                .contains("whole fast schedule: triangle:0.05, 20 epochs")
                .contains("ω [0.05, 0.1, 0.3]").contains("ω_out [0.01, 0.03, 0.1]").contains("β [0.5, 2.0, 8.0]").contains("η [0.6, 1.2, 2.4]")
                .contains("shallow ω [0.2, 0.3, 0.5, 0.7]").contains("shallow η [0.2, 0.4, 0.8]").contains("up to 3 extensions each")
                .contains("3 seeds from trial 9000").contains("hidden 1000").contains("training images 60000");
    }

    @Test
    void anotherEpochBudgetOrNetworkSizeIsAnotherProtocol() {
        String full = MnistExperiment.searchProtocol(budget(3, 20, 1000, 60_000));
        assertThat(MnistExperiment.searchProtocol(budget(3, 5, 1000, 60_000))).isNotEqualTo(full);
        assertThat(MnistExperiment.searchProtocol(budget(1, 20, 1000, 60_000))).isNotEqualTo(full);
        assertThat(MnistExperiment.searchProtocol(budget(3, 20, 200, 60_000))).isNotEqualTo(full);
        assertThat(MnistExperiment.searchProtocol(budget(3, 20, 1000, 5000))).isNotEqualTo(full);
        assertThat(MnistExperiment.searchProtocol(budget(3, 20, 1000, 60_000))).isEqualTo(full);
    }
}
