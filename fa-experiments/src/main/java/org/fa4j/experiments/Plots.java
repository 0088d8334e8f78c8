package org.fa4j.experiments;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.datasets.io.IoErrors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts through XChart ({@link FigureChart}: ticks from {@link AxisTicks}), saved atomically as PNG and SVG.
 * Curves that may lie on top of each other differ in colour and in line style; spreads are shaded bands without a
 * legend entry of their own.
 */
final class Plots {
    /** The paper's colours: shallow light grey, node perturbation dark grey, BP black, FA green. */
    static final Color SHALLOW = new Color(170, 170, 170);
    static final Color NODE_PERT = new Color(80, 80, 80);
    static final Color BP = Color.BLACK;
    static final Color FA = new Color(0, 150, 60);
    static final Color SPARSE_FA = new Color(120, 200, 60);
    static final Color BP4 = new Color(200, 0, 200);
    static final Color FA4 = new Color(30, 80, 220);

    /** Line styles, 2 px wide like XChart's own; dashed ones long enough to read against a solid curve beneath. */
    static final BasicStroke SOLID = SeriesLines.SOLID;
    static final BasicStroke WIDE = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = dashed(9f, 5f);
    static final BasicStroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 5f}, 0f);
    static final BasicStroke DASH_DOT = dashed(9f, 4f, 1.5f, 4f);
    static final BasicStroke LONG_DASH = dashed(16f, 6f);
    /** The styles in turn, for a family of curves told apart by colour and style (Fig. 4's ω sweep). */
    static final BasicStroke[] CYCLE = {SOLID, DASHED, DOTTED, DASH_DOT, LONG_DASH};

    private Plots() {
    }

    private static BasicStroke dashed(float... pattern) {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    static XYChart chart(String title, String xTitle, String yTitle, boolean logY) {
        XYChart chart = new FigureChart(new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle));
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

    /**
     * A line in {@code color} and {@code stroke}. A dashed line of many points is drawn as one smooth path: XChart
     * draws a plain line segment by segment, restarting the dash pattern at every point, so that a dense dashed curve
     * would come out solid.
     */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = line(chart, name, x, y, color);
        s.setLineStyle(stroke);
        if (stroke.getDashArray() != null && x.length > 40) {
            s.setSmooth(true);
        }
        return s;
    }

    /**
     * A shaded band from {@code lo} to {@code hi} (e.g. mean ± sd) in a translucent tint of {@code color} (overlapping bands stay visible), without outline,
     * markers or legend entry; values are clamped to [{@code floor}, {@code ceiling}] (an angle band to [0°, 90°]) and
     * points where either bound is not finite are left out. Add it before its curve, so the curve lies on top.
     */
    static XYSeries band(XYChart chart, String name, double[] x, double[] lo, double[] hi, Color color, double floor, double ceiling) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                n++;
            }
        }
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                px[k] = x[i];
                px[2 * n - 1 - k] = x[i];
                py[k] = Math.min(ceiling, Math.max(floor, hi[i]));
                py[2 * n - 1 - k] = Math.min(ceiling, Math.max(floor, lo[i]));
                k++;
            }
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.NONE);
        Color tint = new Color(color.getRed(), color.getGreen(), color.getBlue(), 56);
        s.setLineColor(tint);
        s.setFillColor(tint);
        s.setShowInLegend(false);
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
            throw new UncheckedIOException("cannot save figure " + name + " in " + dir + ": " + IoErrors.describe(e), e);
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
