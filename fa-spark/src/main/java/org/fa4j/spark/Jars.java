package org.fa4j.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs a class directory (a build's {@code target/classes}) into a jar, so that the driver can ship it. */
final class Jars {
    private Jars() {
    }

    /** A temporary jar with the files under {@code dir}; deleted when the JVM exits. */
    static Path pack(Path dir) throws IOException {
        Path module = dir.toAbsolutePath().getParent() == null ? null : dir.toAbsolutePath().getParent().getParent();
        Path jar = Files.createTempFile("fa4j-" + (module == null || module.getFileName() == null ? "classes" : module.getFileName()) + "-", ".jar");
        jar.toFile().deleteOnExit();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Path f : files) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
