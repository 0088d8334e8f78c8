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
    void equallySpacedDataGetRoundTicksAndALongLogAxisGetsDecades() {
        double[] x = new double[231];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100.0 * i;
            y[i] = Math.pow(10, -31.0 * i / (x.length - 1));
        }
        XYChart c = Plots.chart("t", "examples", "NSE", true);
        Plots.line(c, "s", x, y, Plots.FA);
        Plots.save(c, dir, "fig");
        List<AxisTicks> ticks = ((FigureChart) c).ticks();
        List<Double> xs = ticks.get(0).major();
        double step = xs.get(1) - xs.get(0);
        assertThat(xs).as("x ticks of 0..23 000").startsWith(0.0).contains(20_000.0);
        assertThat(step).as("a 1, 2 or 5 × 10^k step").isIn(1000.0, 2000.0, 5000.0);
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i) - xs.get(i - 1)).isEqualTo(step);
        }
        assertThat(ticks.get(1).major()).as("log y ticks of 1e-31..1").contains(1e-30, 1e-20, 1e-10, 1.0);
        assertThat(ticks.get(1).labels()).allMatch(l -> l.matches("1e-\\d+|1|0\\.0*1|10*"), "labelled 1e-k, 0.001 … 1");
    }

    @Test
    void aBandIsAShadedPolygonWithoutALegendEntry() {
        XYChart c = Plots.chart("t", "x", "angle", false);
        org.knowm.xchart.XYSeries b = Plots.band(c, "band", new double[] {0, 1, 2}, new double[] {-5, 10, 20},
                new double[] {30, 95, 40}, Plots.FA, 0, 90);
        assertThat(b.isShowInLegend()).isFalse();
        assertThat(b.getXYSeriesRenderStyle()).isEqualTo(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.PolygonArea);
        assertThat(b.getXData()).containsExactly(0, 1, 2, 2, 1, 0);
        assertThat(b.getYData()).as("upper edge, then lower edge back, clamped to [0, 90]").containsExactly(30, 90, 40, 20, 10, 0);
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
