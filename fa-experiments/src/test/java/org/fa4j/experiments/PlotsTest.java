package org.fa4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** Figures are written atomically: complete files or nothing, and never a temporary file left behind. */
class PlotsTest {
    @TempDir
    Path dir;

    private static XYChart chart() {
        XYChart c = Plots.chart("t", "x", "y", true);
        Plots.line(c, "s", new double[] {0, 1, 2}, new double[] {1, 0.1, 0.01}, Plots.FA);
        return c;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savesPngAndSvgAndNothingElse() throws IOException {
        assertThat(Plots.save(chart(), dir, "fig")).containsExactly("fig.png", "fig.svg");
        assertThat(files()).containsExactly("fig.png", "fig.svg");
        assertThat(Files.readAllBytes(dir.resolve("fig.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(dir.resolve("fig.svg")).content().contains("<svg");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Temporary files are created owner-only; a figure is an ordinary file that others may read.
            assertThat(Files.getPosixFilePermissions(dir.resolve("fig.png")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aChartThatFailsToEncodeLeavesNoFileBehind() throws IOException {
        XYChart broken = new XYChart(200, 100) {
            @Override
            public void paint(Graphics2D g, int width, int height) {
                throw new IllegalStateException("encoder failed");
            }
        };
        assertThatThrownBy(() -> Plots.save(broken, dir, "fig")).hasMessageContaining("encoder failed");
        assertThat(files()).isEmpty();
    }

    @Test
    void aTargetThatCannotBeReplacedLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(dir.resolve("fig.png"));
        Files.writeString(dir.resolve("fig.png").resolve("keep"), "a non-empty directory cannot be replaced");
        assertThatThrownBy(() -> Plots.save(chart(), dir, "fig")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("fig").hasMessageContaining(dir.toString());
        assertThat(files()).containsExactly("fig.png");
    }

    @Test
    void aFailedImageWriteLeavesNoFileBehind() throws IOException {
        assertThatThrownBy(() -> Plots.savePng(null, dir, "rf")).isInstanceOf(IllegalArgumentException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void concurrentSavesOfTheSameFigureDoNotCollide() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String[]>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                fs.add(pool.submit(() -> Plots.save(chart(), dir, "fig")));
            }
            for (Future<String[]> f : fs) {
                assertThat(f.get()).containsExactly("fig.png", "fig.svg");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(files()).containsExactly("fig.png", "fig.svg");
        assertThat(dir.resolve("fig.svg")).content().contains("</svg>");
    }
}
