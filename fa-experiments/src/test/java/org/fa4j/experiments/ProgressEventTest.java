package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressEventTest {
    @Test
    void anEpochOfATrialNamesTheRuleTheScheduleTheTrialAndTheTestError() {
        assertThat(MnistTrial.progressEvent(MnistRule.FEEDBACK_ALIGNMENT, new MnistSchedule("fast", 1.2f, 10, 20), new MnistInit(0.1, 0.03, 8), 1, 3,
                0.0412))
                .isEqualTo("fa fast trial 2, epoch 3 of 20: test error 4.12%");
    }

    @Test
    void anEpochOfTheValidationSearchNamesItsScalesAndTheValidationError() {
        assertThat(MnistTrial.progressEvent(MnistRule.BACKPROP, new MnistSchedule("search", 1.2f, 10, 2), new MnistInit(0.3, 0.03, 8),
                MnistExperiment.SEARCH_TRIAL + 1, 1, 0.1393)).isEqualTo("bp search ω=0.3 ω_out=0.03 β=8.0 η=1.2 seed 2, epoch 1 of 2: "
                + "validation error 13.93%");
    }
}
