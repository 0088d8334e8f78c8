package org.fa4j.cli.progress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The libraries' log output under the command line. They log through {@link System.Logger}, which on the module path
 * goes to {@code java.util.logging}; this sets the level of the {@code org.fa4j} loggers from the verbosity (warnings
 * and errors under {@code -q}, information by default, debug under {@code -v}) and replaces the root handler by one
 * that writes one line per record through {@link Stderr}: the message as it is for information, else prefixed with
 * {@code warning:}, {@code error:} or {@code debug:}.
 */
public final class Logging {
    /** Held here: {@code java.util.logging} keeps loggers weakly, and a collected logger loses its level. */
    private static final Logger FA4J = Logger.getLogger("org.fa4j");

    private Logging() {
    }

    /** Replaces the root logger's handlers and sets the levels; {@code stackTraces} adds a logged exception's trace. */
    public static void configure(Verbosity v, boolean stackTraces) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler h = new ToStderr();
        h.setFormatter(new OneLine(stackTraces));
        h.setLevel(Level.ALL);
        root.addHandler(h);
        root.setLevel(v == Verbosity.QUIET ? Level.WARNING : Level.INFO);
        FA4J.setLevel(switch (v) {
            case QUIET -> Level.WARNING;
            case NORMAL -> Level.INFO;
            case VERBOSE -> Level.FINE;
        });
    }

    /** Writes each record as it is formatted, through {@link Stderr#line}. */
    private static final class ToStderr extends Handler {
        @Override
        public void publish(LogRecord r) {
            if (isLoggable(r)) {
                Stderr.line(getFormatter().format(r));
            }
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
        }
    }

    /** One line per record (plus the stack trace of its exception when asked for), no date and no source method. */
    static final class OneLine extends Formatter {
        private final boolean stackTraces;

        OneLine(boolean stackTraces) {
            this.stackTraces = stackTraces;
        }

        @Override
        public String format(LogRecord r) {
            int level = r.getLevel().intValue();
            String prefix = level >= Level.SEVERE.intValue() ? "error: "
                    : level >= Level.WARNING.intValue() ? "warning: "
                    : level >= Level.INFO.intValue() ? "" : "debug: " + r.getLoggerName() + ": ";
            StringBuilder sb = new StringBuilder(prefix).append(formatMessage(r));
            Throwable t = r.getThrown();
            if (t != null) {
                sb.append(" (").append(t).append(')');
                if (stackTraces) {
                    StringWriter trace = new StringWriter();
                    t.printStackTrace(new PrintWriter(trace));
                    sb.append(System.lineSeparator()).append(trace.toString().stripTrailing());
                }
            }
            return sb.toString();
        }
    }
}
