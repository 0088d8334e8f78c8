package org.fa4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fa4j.datasets.io.AtomicFiles;

/**
 * What a run stopped by Ctrl-C (SIGINT) or {@code kill} (SIGTERM) prints on its way out: the files it saved, the
 * unfinished ones, and how to resume. A JVM shutdown hook, installed for the length of one command and removed when
 * the command ends by itself, so a run that finishes, or fails with its own message, prints nothing more.
 *
 * <p>Nothing half-written is left to explain: every file goes through {@link AtomicFiles}, so what is listed is
 * complete, and a {@code .partial.json} file is a run's curve so far, never a result.
 */
final class InterruptNotice implements AutoCloseable {
    /** Notices installed and not yet closed: while there is one, it says what was interrupted, not {@link Main}. */
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /**
     * Installs the notice for a command writing into {@code out}; {@code resume} gives, from the result files
     * saved so far, the words on how to resume.
     */
    static InterruptNotice install(Path out, Function<List<String>, String> resume) {
        Instant started = Instant.now();
        PrintStream err = System.err;
        Thread hook = new Thread(() -> {
            List<String> saved = savedSince(out, started);
            List<String> finished = saved.stream().filter(n -> !n.endsWith(".partial.json")).toList();
            List<String> partial = saved.stream().filter(n -> n.endsWith(".partial.json")).toList();
            err.println();
            err.println("fa4j: interrupted. " + (finished.isEmpty() ? "No file was completed in " + out + " by this run"
                    : "Saved in " + out + " by this run, each file complete: " + String.join(", ", finished)) + ".");
            if (!partial.isEmpty()) {
                err.println("fa4j: unfinished (the curve so far, not a result): " + String.join(", ", partial) + ".");
            }
            err.println("fa4j: nothing half-written is left; " + resume.apply(finished));
            err.flush();
        }, "fa4j-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        ACTIVE.incrementAndGet();
        return new InterruptNotice(hook);
    }

    /** True while a command's notice is installed (it then prints the interrupt message itself). */
    static boolean active() {
        return ACTIVE.get() > 0;
    }

    /** The visible files of {@code out} written since {@code since}, by name. */
    private static List<String> savedSince(Path out, Instant since) {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                try {
                    return !name.startsWith(".") && !AtomicFiles.isTemporary(name)
                            && !Files.getLastModifiedTime(f).toInstant().isBefore(since);
                } catch (IOException e) {
                    return false;
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Removes the notice: the command ended by itself. */
    @Override
    public void close() {
        ACTIVE.decrementAndGet();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the notice runs
        }
    }
}
