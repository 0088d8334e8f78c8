package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tests find the data where the README says: {@code -Dfa4j.data}, else {@code FA4J_DATA}, else ../data. */
class QuickRunsTest {

    @Test
    void thePomPassesFa4jDataAndTheTestsReadIt() {
        String property = System.getProperty("fa4j.data");
        assertThat(property).as("fa-experiments/pom.xml passes fa4j.data to the tests").isNotBlank();
        assertThat(QuickRuns.dataDir()).isEqualTo(Path.of(property));
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        String old = System.getProperty("fa4j.data");
        try {
            System.setProperty("fa4j.data", "/somewhere/else");
            assertThat(QuickRuns.dataDir()).isEqualTo(Path.of("/somewhere/else"));
        } finally {
            if (old == null) {
                System.clearProperty("fa4j.data");
            } else {
                System.setProperty("fa4j.data", old);
            }
        }
    }
}
