package org.fa4j.datasets.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * fa4j's one way of writing a file: the content goes to a uniquely named temporary file in the target's directory
 * ({@code .<stem>-<random>.tmp<ext>}, so concurrent writers never share one and encoders that append a missing
 * extension leave it alone), which is then moved over the target atomically. A reader sees the old file or the new
 * one, never a half-written one, and a failed write deletes its temporary file. Written files get the ordinary mode
 * {@code rw-r--r--} on POSIX file systems (temporary files are created owner-only).
 */
public final class AtomicFiles {
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
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path tmp = Files.createTempFile(dir, "." + stem + "-", ".tmp" + ext);
        try {
            writer.write(tmp);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its defaults
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
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
}
