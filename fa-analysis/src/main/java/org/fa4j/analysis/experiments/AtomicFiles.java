package org.fa4j.analysis.experiments;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes result files atomically: into a uniquely named temporary file in the target directory (so concurrent runs
 * never share one), then moved into place; the temporary file is deleted whatever happens, so a failed write leaves
 * neither a half-written target nor a stray temporary file.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a file's whole content to the path it is given. */
    @FunctionalInterface
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    /**
     * Writes {@code <dir>/<name><ext>} through {@code writer}, which receives a temporary path in {@code dir} named
     * {@code .<name>-*.tmp<ext>} (it ends in {@code ext}, so encoders that append a missing extension leave it alone).
     */
    static Path write(Path dir, String name, String ext, Writer writer) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ext);
        Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp" + ext);
        try {
            writer.write(tmp);
            try { // temporary files are created owner-only; a result is an ordinary file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the defaults
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
