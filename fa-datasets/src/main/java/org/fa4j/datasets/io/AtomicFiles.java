package org.fa4j.datasets.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * fa4j's one way of writing a file: the content goes to a uniquely named temporary file in the target's directory
 * ({@code .<stem>-p<pid>-<random>.tmp<ext>}, so concurrent writers never share one and encoders that append a missing
 * extension leave it alone), which is then moved over the target atomically. A reader sees the old file or the new
 * one, never a half-written one, and a failed write deletes its temporary file.
 *
 * <p>A process killed while writing cannot delete its temporary file; the process id in the name tells such a
 * leftover from a file another live writer is still filling. Saving a file again removes its own leftovers, and
 * {@link #removeStaleTemporaries(Path)} clears a whole folder (the commands call it on their results folder at start).
 * {@link #checkWritableDirectory(Path)} finds out before any work whether a folder can take files at all.
 *
 * <p>Temporary files are created like any new file ({@code CREATE_NEW}, no explicit permissions), so the written file
 * has the mode the user's umask gives, as a file from {@link Files#newOutputStream} would.
 */
public final class AtomicFiles {
    private static final long PID = ProcessHandle.current().pid();
    /** {@code .<stem>-p<pid>-<random>.tmp<ext>}: group 1 is the writer's process id. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..*-p(\\d+)-\\d+\\.tmp(\\.[^.]*)?");
    /** {@code .<stem>-<random>.tmp<ext>}, the name {@link Files#createTempFile} gives; fa4j no longer writes it. */
    private static final Pattern UNOWNED_TEMPORARY = Pattern.compile("\\..*-\\d+\\.tmp(\\.[^.]*)?");

    private AtomicFiles() {
    }

    /** Writes a file's whole content to the (temporary) path it is given. */
    @FunctionalInterface
    public interface PathWriter {
        /** Writes the content to {@code tmp}. */
        void write(Path tmp) throws IOException;
    }

    /** Writes a file's whole content to a stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface StreamWriter {
        /** Writes the content to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code target} through {@code writer}, creating its directory if needed; returns {@code target}. */
    public static Path write(Path target, PathWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        Path abs = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, abs.getFileName().toString());
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            removeStaleTemporariesOf(dir, abs.getFileName().toString());
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code target} through a stream {@code writer} gives bytes to. */
    public static Path writeStream(Path target, StreamWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        return write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static Path writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        return write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Creates {@code dir} (and its parents) if needed and proves that a file can be created in it, by creating and
     * deleting a temporary file there. Returns the absolute folder. Throws a {@link FileSystemException} naming the
     * folder and the operating system's reason ("Not a directory", "Permission denied", "Read-only file system", ...)
     * when it cannot, so a run fails before its work rather than at its first save.
     */
    public static Path checkWritableDirectory(Path dir) throws IOException {
        Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new FileSystemException(abs.toString(), null, "Not a directory (a file of that name exists)");
        }
        try {
            Files.createDirectories(abs);
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(abs.toString(), null, "Not a directory (a file of that name exists)");
        } catch (IOException e) {
            boolean here = e instanceof FileSystemException f && abs.toString().equals(f.getFile());
            throw new FileSystemException(abs.toString(), null, "cannot create the folder ("
                    + (here ? IoErrors.reason(e) : IoErrors.describe(e)) + ")");
        }
        try {
            Files.delete(createTemporary(abs, "write-check"));
        } catch (IOException e) {
            throw new FileSystemException(abs.toString(), null, "cannot create a file in the folder (" + IoErrors.reason(e) + ")");
        }
        return abs;
    }

    /**
     * Deletes the temporary files that writers which no longer run left in {@code dir} (a process killed while
     * saving); temporary files of live processes, this one included, are kept. Returns the files deleted, none when
     * {@code dir} does not exist.
     */
    public static List<Path> removeStaleTemporaries(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(f -> isStale(f.getFileName().toString(), f)).toList();
        }
        for (Path f : candidates) {
            if (Files.deleteIfExists(f)) {
                removed.add(f);
            }
        }
        return removed;
    }

    /**
     * Deletes the stale temporary files of the one file {@code name} in {@code dir}: a killed earlier save of the same
     * file leaves nothing behind once the file is saved again, wherever it lives. Best effort: a failure to list or
     * delete does not fail the write that has just succeeded.
     */
    private static void removeStaleTemporariesOf(Path dir, String name) {
        int dot = name.lastIndexOf('.');
        String prefix = "." + (dot > 0 ? name.substring(0, dot) : name) + "-";
        String suffix = ".tmp" + (dot > 0 ? name.substring(dot) : "");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
            String n = f.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(suffix) && isStale(n, f);
        })) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // the next save or removeStaleTemporaries tries again
        }
    }

    /** True if {@code name} is an {@link AtomicFiles} temporary file name, whoever wrote it. */
    public static boolean isTemporary(String name) {
        return TEMPORARY.matcher(name).matches() || UNOWNED_TEMPORARY.matcher(name).matches();
    }

    private static boolean isStale(String name, Path file) {
        Matcher m = TEMPORARY.matcher(name);
        if (!m.matches()) {
            return UNOWNED_TEMPORARY.matcher(name).matches();
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return true;
        }
        if (pid == PID) {
            return false;
        }
        Optional<ProcessHandle> writer = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (writer.isEmpty()) {
            return true;
        }
        // A live process that started after the file was last written reuses a dead writer's id.
        Optional<Instant> started = writer.get().info().startInstant();
        try {
            return started.isPresent() && started.get().isAfter(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates {@code .<stem>-p<pid>-<random>.tmp<ext>} in {@code dir} for the file {@code name}, with no explicit
     * permissions, so it gets the mode the umask gives a new file.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int attempt = 0; ; attempt++) {
            long random = ThreadLocalRandom.current().nextLong() >>> 1;
            Path tmp = dir.resolve("." + stem + "-p" + PID + "-" + random + ".tmp" + ext);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
