package org.fa4j.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBarTest {
    private static List<String> lines(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Stderr.configure(Verbosity.NORMAL, false);
            r.run();
        } finally {
            System.setErr(old);
        }
        String s = err.toString(StandardCharsets.UTF_8);
        assertThat(s).doesNotContain("\r");
        return s.lines().toList();
    }

    @Test
    void eachEventIsOneLineWithTheTaskItsShareDoneAndTheTimes() {
        long[] now = {5_000_000_000L};
        List<String> out = lines(() -> {
            LineBar b = new LineBar("fig2", 400, () -> now[0]);
            b.stepBy(100);
            now[0] += 10_000_000_000L;
            b.event("fa fast trial 1, epoch 1 of 4: test error 9.00%");
            b.stepBy(300);
            now[0] += 52_000_000_000L;
            b.event("fa fast trial 1, epoch 4 of 4: test error 4.00%");
            b.close();
        });
        assertThat(out).containsExactly("fig2  25% fa fast trial 1, epoch 1 of 4: test error 9.00% (0:10 elapsed, ~0:30 left)",
                "fig2 100% fa fast trial 1, epoch 4 of 4: test error 4.00% (1:02 elapsed)", "fig2 100% done in 1:02");
    }

    @Test
    void stepsAloneWriteNothingUntilTheEnd() {
        assertThat(lines(() -> {
            LineBar b = new LineBar("fig4", 10);
            for (int i = 0; i < 10; i++) {
                b.stepBy(1);
            }
        })).isEmpty();
    }

    @Test
    void aTaskClosedBeforeItsEndSaysWhereItStopped() {
        List<String> out = lines(() -> {
            LineBar b = new LineBar("train fa", 10);
            b.stepBy(3);
            b.close();
            b.close();
        });
        assertThat(out).singleElement().asString().startsWith("train fa 30% stopped after ");
    }

    @Test
    void clockShowsMinutesAndSecondsAndHoursWhenThereAreAny() {
        assertThat(LineBar.clock(0)).isEqualTo("0:00");
        assertThat(LineBar.clock(62.4)).isEqualTo("1:02");
        assertThat(LineBar.clock(3 * 3600 + 5 * 60 + 9)).isEqualTo("3:05:09");
    }
}
