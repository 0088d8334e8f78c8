package org.fa4j.cli.progress;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line's stderr: how much goes to it, whether it is a terminal, and the one place that writes a line to it
 * while a progress bar may be drawn. A line printed while a bar is shown erases the bar, takes the bar's row and the bar
 * is drawn again below it, so a log line never lands in the middle of a bar. Writes to whatever {@link System#err} is
 * at the time of the call.
 */
public final class Stderr {
    /** The system property the launcher sets to {@code true} or {@code false}: whether file descriptor 2 is a terminal. */
    public static final String TTY_PROPERTY = "fa4j.stderr.tty";

    private static final Object LOCK = new Object();
    private static volatile Verbosity verbosity = Verbosity.NORMAL;
    private static volatile boolean terminal;
    /** The bar as last drawn, or null when no bar is on the screen; guarded by LOCK. */
    private static String bar;

    private Stderr() {
    }

    /** Sets how much to write and whether stderr is a terminal (bars) or not (plain lines); once per command. */
    public static void configure(Verbosity v, boolean isTerminal) {
        synchronized (LOCK) {
            verbosity = v;
            terminal = isTerminal;
            bar = null;
        }
    }

    /** The verbosity set by {@link #configure}. */
    public static Verbosity verbosity() {
        return verbosity;
    }

    /** Whether stderr is a terminal, as set by {@link #configure}. */
    public static boolean isTerminal() {
        return terminal;
    }

    /**
     * Whether file descriptor 2 is a terminal: the system property {@value #TTY_PROPERTY} when set (the launcher tests
     * {@code [ -t 2 ]}); else, on Linux, whether {@code /proc/self/fd/2} is a terminal device; else whether the JVM has
     * an interactive console (which tests stdin and stdout, not stderr).
     */
    public static boolean detectTerminal() {
        String flag = System.getProperty(TTY_PROPERTY);
        if (flag != null && !flag.isBlank()) {
            return Boolean.parseBoolean(flag.trim());
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                // fall through to the console
            }
        }
        Console c = System.console();
        return c != null && c.isTerminal();
    }

    /** Writes {@code line} and a line break; above the bar if one is drawn. */
    public static void line(String line) {
        synchronized (LOCK) {
            PrintStream err = System.err;
            if (bar != null) {
                err.print("\r" + " ".repeat(bar.length()) + "\r");
            }
            err.println(line);
            if (bar != null) {
                err.print(bar);
            }
            err.flush();
        }
    }

    /** Draws {@code rendered} over the bar's row (a terminal only: this writes a carriage return). */
    static void drawBar(String rendered) {
        synchronized (LOCK) {
            PrintStream err = System.err;
            int wipe = bar == null ? 0 : Math.max(0, bar.length() - rendered.length());
            err.print("\r" + rendered + " ".repeat(wipe));
            err.flush();
            bar = rendered;
        }
    }

    /** Leaves the bar as last drawn on its own row; later lines go below it. */
    static void endBar() {
        synchronized (LOCK) {
            if (bar != null) {
                System.err.println();
                System.err.flush();
                bar = null;
            }
        }
    }

    /** Ends a bar's row if one is drawn, then writes {@code line}: for a run cut short (Ctrl-C). */
    public static void lastLine(String line) {
        endBar();
        line(line);
    }
}
