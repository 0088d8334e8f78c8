package org.fa4j.datasets.idx;

import java.nio.file.Path;

/**
 * Run in a JVM of small heap by {@link IdxLyingGzipMemoryTest}: reads the IDX file named by its argument and prints
 * {@code refused: <message>} (exit 0) for an {@link IdxFormatException}, {@code out of memory} (exit 3) for an
 * {@link OutOfMemoryError}, {@code read: <array>} (exit 4) if the file was accepted.
 */
public final class LyingGzipProbe {
    private LyingGzipProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            IdxArray a = Idx.read(Path.of(args[0]));
            System.out.println("read: " + a);
            System.exit(4);
        } catch (IdxFormatException e) {
            System.out.println("refused: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            System.exit(3);
        }
    }
}
