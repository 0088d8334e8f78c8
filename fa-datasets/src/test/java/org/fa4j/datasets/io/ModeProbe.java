package org.fa4j.datasets.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Run under a given umask by {@link AtomicFilesTest}: writes {@code <dir>/written.json} with {@link AtomicFiles} and
 * creates {@code <dir>/plain} with {@link Files#createFile}, then prints both modes, {@code written=rw-r--r--
 * plain=rw-r--r--}.
 */
public final class ModeProbe {
    private ModeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path written = AtomicFiles.writeString(dir.resolve("written.json"), "{}");
        Path plain = Files.createFile(dir.resolve("plain"));
        System.out.println("written=" + PosixFilePermissions.toString(Files.getPosixFilePermissions(written))
                + " plain=" + PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }
}
