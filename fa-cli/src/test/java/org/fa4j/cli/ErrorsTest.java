package org.fa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void aMessageThatWrapsAFileErrorGetsTheReasonItLacks() {
        assertThat(Errors.describe(new UncheckedIOException("cannot save figure fig3 in /p", new NoSuchFileException("/p"))))
                .isEqualTo("cannot save figure fig3 in /p (no such file or directory: /p)");
    }

    @Test
    void aMessageThatAlreadyGivesTheReasonIsKept() {
        assertThat(Errors.describe(new UncheckedIOException("cannot write /r/x.json: permission denied", new AccessDeniedException("/r/x.json"))))
                .isEqualTo("cannot write /r/x.json: permission denied");
    }

    @Test
    void aBareWrapperSaysWhatItsCauseSays() {
        assertThat(Errors.describe(new UncheckedIOException(new AccessDeniedException("/r")))).isEqualTo("permission denied: /r");
        assertThat(Errors.describe(new ExecutionException(new IllegalStateException("trial 3 failed")))).isEqualTo("trial 3 failed");
    }

    @Test
    void aBugIsCalledAnInternalErrorAndPointsAtDebug() {
        assertThat(Errors.describe(new NullPointerException()))
                .isEqualTo("internal error: java.lang.NullPointerException (--debug shows the stack trace)");
    }

    @Test
    void aMessageOfSeveralLinesBecomesOne() {
        assertThat(Errors.describe(new IllegalArgumentException("bad config\n  field 'colour'\n"))).isEqualTo("bad config; field 'colour'");
    }
}
