package org.fa4j.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StderrTest {
    /** What a terminal shows for {@code written}: a carriage return goes back to the row's start, a newline to the next row. */
    static List<String> screen(String written) {
        List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
        int col = 0;
        for (char c : written.toCharArray()) {
            StringBuilder row = rows.getLast();
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                rows.add(new StringBuilder());
                col = 0;
            } else {
                if (col < row.length()) {
                    row.setCharAt(col, c);
                } else {
                    row.append(c);
                }
                col++;
            }
        }
        return rows.stream().map(r -> r.toString().stripTrailing()).toList();
    }

    private static String capture(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineWrittenWhileABarIsDrawnGoesAboveTheBarNotIntoIt() {
        String written = capture(() -> {
            Stderr.configure(Verbosity.NORMAL, true);
            Stderr.drawBar("fig2  37% [=======      ] 3700/10000");
            Stderr.line("fa4j kernels: VECTOR path");
            Stderr.drawBar("fig2  38% [========     ] 3800/10000");
            Stderr.line("short");
            Stderr.drawBar("fig2 100% [=============] 10000/10000");
            Stderr.endBar();
            Stderr.line("fa4j: done");
        });
        assertThat(screen(written)).containsExactly("fa4j kernels: VECTOR path", "short", "fig2 100% [=============] 10000/10000",
                "fa4j: done", "");
    }

    @Test
    void aShorterBarLeavesNoTailOfTheLongerOne() {
        String written = capture(() -> {
            Stderr.configure(Verbosity.NORMAL, true);
            Stderr.drawBar("train fa 10% long extra message");
            Stderr.drawBar("train fa 20%");
            Stderr.endBar();
        });
        assertThat(screen(written)).containsExactly("train fa 20%", "");
    }

    @Test
    void withoutABarALineIsJustTheLine() {
        String written = capture(() -> {
            Stderr.configure(Verbosity.NORMAL, false);
            Stderr.line("fig4  11% ω=0.01: final test NSE 5.9e-07");
        });
        assertThat(written).isEqualTo("fig4  11% ω=0.01: final test NSE 5.9e-07" + System.lineSeparator());
    }

    @Test
    void theLaunchersPropertyDecidesWhetherStderrIsATerminal() {
        String old = System.getProperty(Stderr.TTY_PROPERTY);
        try {
            System.setProperty(Stderr.TTY_PROPERTY, "true");
            assertThat(Stderr.detectTerminal()).isTrue();
            System.setProperty(Stderr.TTY_PROPERTY, "false");
            assertThat(Stderr.detectTerminal()).isFalse();
        } finally {
            if (old == null) {
                System.clearProperty(Stderr.TTY_PROPERTY);
            } else {
                System.setProperty(Stderr.TTY_PROPERTY, old);
            }
        }
    }
}
