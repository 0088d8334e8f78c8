package org.fa4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.fa4j.experiments.OutputFolder;

/**
 * A command's results folder, made ready before the command does any work ({@link OutputFolder#prepare}); the
 * temporary files of stopped runs that this removes are named on stderr, so nothing disappears without a word.
 */
final class ResultsFolder {
    private ResultsFolder() {
    }

    /** Prepares {@code out}; throws, naming the path and the operating system's reason, when it cannot take files. */
    static void prepare(Path out) {
        List<Path> removed = OutputFolder.prepare(out);
        if (!removed.isEmpty()) {
            System.err.println("fa4j: removed " + removed.size() + " temporary file" + (removed.size() == 1 ? "" : "s")
                    + " that a stopped run left in " + out + ": "
                    + String.join(", ", removed.stream().map(p -> p.getFileName().toString()).toList()));
        }
    }
}
