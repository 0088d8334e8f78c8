package org.fa4j.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggingTest {
    /** Logs one message at each level through {@link System.Logger}, as fa-simd does, and returns stderr. */
    private static String logAll(Verbosity v, boolean stackTraces) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Stderr.configure(v, false);
            Logging.configure(v, stackTraces);
            System.Logger log = System.getLogger("org.fa4j.simd");
            log.log(Level.DEBUG, "chose the species");
            log.log(Level.INFO, "fa4j kernels: VECTOR path");
            log.log(Level.WARNING, "fa4j kernels: SCALAR path");
            log.log(Level.ERROR, "broken", new IllegalStateException("why"));
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void byDefaultInformationWarningsAndErrorsAreOneLineEach() {
        assertThat(logAll(Verbosity.NORMAL, false).lines()).containsExactly("fa4j kernels: VECTOR path",
                "warning: fa4j kernels: SCALAR path", "error: broken (java.lang.IllegalStateException: why)");
    }

    @Test
    void quietKeepsWarningsAndErrorsOnly() {
        assertThat(logAll(Verbosity.QUIET, false).lines()).containsExactly("warning: fa4j kernels: SCALAR path",
                "error: broken (java.lang.IllegalStateException: why)");
    }

    @Test
    void verboseAddsDebugMessagesNamingTheirLogger() {
        assertThat(logAll(Verbosity.VERBOSE, false).lines()).first().isEqualTo("debug: org.fa4j.simd: chose the species");
    }

    @Test
    void stackTracesAreAddedOnlyWhenAskedFor() {
        assertThat(logAll(Verbosity.NORMAL, false)).doesNotContain("\tat ");
        assertThat(logAll(Verbosity.NORMAL, true)).contains("LoggingTest.logAll(");
    }
}
