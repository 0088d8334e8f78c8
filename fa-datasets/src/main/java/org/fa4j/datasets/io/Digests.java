package org.fa4j.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file, as {@code sha256sum} prints it: what a result file records of the data it was computed from, so
 * a reader can tell which copy of MNIST (compressed or not, and from where) gave a number. {@code bin/fetch-data}
 * checks the same digests when it installs the files.
 */
public final class Digests {
    private Digests() {
    }

    /** The lowercase hex SHA-256 of {@code file}'s bytes, read in 64 KiB blocks. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE runtime must provide", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
