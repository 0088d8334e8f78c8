package org.fa4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.fa4j.cli.progress.Stderr;

/** Runs the command line in the test's JVM with stdout and stderr captured; stderr counts as no terminal. */
final class InProcess {
    private InProcess() {
    }

    /** What a run returned and wrote. */
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String tty = System.getProperty(Stderr.TTY_PROPERTY);
        try {
            System.setProperty(Stderr.TTY_PROPERTY, "false"); // as when stderr goes to a file, whatever the test runner's is
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (tty == null) {
                System.clearProperty(Stderr.TTY_PROPERTY);
            } else {
                System.setProperty(Stderr.TTY_PROPERTY, tty);
            }
        }
    }
}
