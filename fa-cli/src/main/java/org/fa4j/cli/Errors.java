package org.fa4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/** The one line {@code fa4j: <message>} the command line prints for an error, without the stack trace. */
final class Errors {
    private Errors() {
    }

    /** A usage error's message: picocli's, its first letter in lower case, with its suggestions, on one line. */
    static String usage(CommandLine.ParameterException e) {
        String m = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            m += " (did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?)";
        }
        return m;
    }

    /**
     * A failure's message. The wrappers of concurrency and reflection are looked through; a file-system exception
     * says what went wrong with which path; a message that wraps an I/O error gets the OS's reason when it lacks it; an
     * exception that signals a bug rather than a problem with the input or the machine says "internal error" and points
     * at {@code --debug}.
     */
    static String describe(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if (e instanceof FileSystemException f) {
            return f.getFile() == null ? reason(f) : reason(f) + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + m + "); give the JVM more, e.g. FA4J_JAVA_OPTS=-Xmx8g";
        }
        if ((e instanceof UncheckedIOException || e instanceof IOException) && e.getCause() instanceof IOException cause) {
            if (m == null || m.isBlank() || m.equals(cause.toString())) {
                return describe(cause); // a bare wrapper: its cause says what happened
            }
            String why = reason(cause);
            return why == null || m.toLowerCase(Locale.ROOT).contains(why.toLowerCase(Locale.ROOT)) ? oneLine(m)
                    : oneLine(m) + " (" + describe(cause) + ")";
        }
        boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof UnsupportedOperationException;
        if (expected && m != null && !m.isBlank()) {
            return oneLine(m);
        }
        return "internal error: " + oneLine(e.toString()) + " (--debug shows the stack trace)";
    }

    /** What the OS said, in the words of {@code strerror} where Java's exception type encodes it; null if unknown. */
    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case FileAlreadyExistsException _ -> "file exists";
            case NotDirectoryException _ -> "not a directory";
            case DirectoryNotEmptyException _ -> "directory not empty";
            case FileSystemException f -> f.getReason() == null ? "failed" : f.getReason().strip();
            default -> e.getMessage() == null ? null : oneLine(e.getMessage());
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && (e instanceof ExecutionException || e instanceof CompletionException
                || e instanceof InvocationTargetException || e instanceof UndeclaredThrowableException)) {
            e = e.getCause();
        }
        return e;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
