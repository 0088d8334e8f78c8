package org.fa4j.experiments;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fa4j.datasets.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts through XChart, saved atomically as PNG and SVG. */
final class Plots {
    /** The paper's colours: shallow light grey, node perturbation dark grey, BP black, FA green. */
    static final Color SHALLOW = new Color(170, 170, 170);
    static final Color NODE_PERT = new Color(80, 80, 80);
    static final Color BP = Color.BLACK;
    static final Color FA = new Color(0, 150, 60);
    static final Color SPARSE_FA = new Color(120, 200, 60);
    static final Color BP4 = new Color(200, 0, 200);
    static final Color FA4 = new Color(30, 80, 220);

    private Plots() {
    }

    static XYChart chart(String title, String xTitle, String yTitle, boolean logY) {
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendVisible(true);
        return chart;
    }

    /** Adds a line (no markers); on a log axis non-positive or non-finite values take the series' smallest positive value. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        double[] yy = y;
        if (chart.getStyler().isYAxisLogarithmic()) {
            double min = Double.POSITIVE_INFINITY;
            for (double v : y) {
                if (Double.isFinite(v) && v > 0) {
                    min = Math.min(min, v);
                }
            }
            double floor = Double.isFinite(min) ? min : 1;
            yy = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                yy[i] = Double.isFinite(y[i]) && y[i] > 0 ? y[i] : floor;
            }
        }
        XYSeries s = chart.addSeries(name, x, yy);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) {
            s.setLineColor(color);
        }
        return s;
    }

    /** Blends {@code c} towards white by {@code t} in [0, 1]. */
    static Color lighter(Color c, double t) {
        return new Color((int) (c.getRed() + (255 - c.getRed()) * t), (int) (c.getGreen() + (255 - c.getGreen()) * t),
                (int) (c.getBlue() + (255 - c.getBlue()) * t));
    }

    /** A colour from blue (t = 0) to red (t = 1), as in Fig. 4. */
    static Color blueToRed(double t) {
        return new Color((int) (255 * t), 0, (int) (255 * (1 - t)));
    }

    /**
     * Saves {@code <dir>/<name>.png} and {@code .svg} atomically ({@link AtomicFiles}: a unique temporary file per
     * write, so concurrent runs do not collide and a failed encoding leaves nothing behind); returns the two file names.
     */
    static String[] save(XYChart chart, Path dir, String name) {
        try {
            Path png = AtomicFiles.write(dir.resolve(name + ".png"),
                    tmp -> BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG));
            Path svg = AtomicFiles.write(dir.resolve(name + ".svg"), tmp -> VectorGraphicsEncoder.saveVectorGraphic(chart,
                    tmp.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            return new String[] {png.getFileName().toString(), svg.getFileName().toString()};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save figure " + name + " in " + dir, e);
        }
    }

    /** Saves an image as {@code <dir>/<name>.png} atomically (as {@link #save}); returns the file name. */
    static String savePng(BufferedImage image, Path dir, String name) {
        try {
            Path png = AtomicFiles.write(dir.resolve(name + ".png"), tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer for image " + name);
                }
            });
            return png.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save image " + name + " in " + dir, e);
        }
    }
}
