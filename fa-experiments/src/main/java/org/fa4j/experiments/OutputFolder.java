package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.datasets.io.IoErrors;

/**
 * The results folder, made ready before a run does any work: created if absent, proved writable, and cleared of the
 * temporary files that runs killed while saving left there. A folder that cannot take files fails here, naming the
 * path and the operating system's reason, rather than at the first save after hours of training.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /** Prepares {@code out} as above; returns the stale temporary files it removed. */
    public static List<Path> prepare(Path out) {
        try {
            AtomicFiles.checkWritableDirectory(out);
            return AtomicFiles.removeStaleTemporaries(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + IoErrors.describe(e), e);
        }
    }
}
