package org.fa4j.experiments;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * An XChart line chart whose axis ticks come from {@link AxisTicks} rather than from XChart: XChart steps through the
 * data's own x values when they are equally spaced (ticks 380 examples apart) and labels every decade of a long
 * logarithmic axis in its own number format. XChart lays out and draws everything else; this class hides XChart's
 * ticks, reserves their room through the axis-title padding, and draws the computed ticks and labels over it, for PNG
 * and SVG alike (both encoders call {@link #paint}).
 *
 * <p>Axis ranges not set on the styler come from the data: a linear x axis spans the data, a linear y axis is widened
 * to its outer ticks, a logarithmic axis to the enclosing 1, 2 or 5 × 10^k.
 */
final class FigureChart extends XYChart {
    private static final int MAJOR = 6;
    private static final int MINOR = 3;
    private static final int GAP = 4;
    /** Room per x label beyond its own width, and per y label (pixels). */
    private static final int X_LABEL_ROOM = 36;
    private static final int Y_LABEL_ROOM = 34;

    private double xMinStep;
    private AxisTicks xTicks;
    private AxisTicks yTicks;
    private boolean ranged;

    FigureChart(XYChartBuilder builder) {
        super(builder);
    }

    /** Gives the x axis a tick step of at least {@code step} (1 for an axis of epochs). */
    FigureChart xMinStep(double step) {
        this.xMinStep = step;
        return this;
    }

    /** The ticks of the last painting (for tests): x first, then y; empty before the first paint. */
    List<AxisTicks> ticks() {
        return xTicks == null ? List.of() : List.of(xTicks, yTicks);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        XYStyler s = getStyler();
        if (!ranged) {
            fixRanges(s);
            ranged = true;
        }
        s.setXAxisTicksVisible(false);
        s.setYAxisTicksVisible(false);
        // A scratch layout gives the plot's size, hence how many labels fit; then the real painting.
        s.setAxisTitlePadding(roomFor(List.of("0")));
        BufferedImage scratch = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        try {
            super.paint(sg, width, height);
        } finally {
            sg.dispose();
        }
        Rectangle2D p = plot.getBounds();
        int xLabels = Math.max(2, (int) (p.getWidth() / (widest(List.of("00 000")) + X_LABEL_ROOM)));
        xTicks = s.isXAxisLogarithmic() ? ticksFor(true, s.getXAxisMin(), s.getXAxisMax(), xLabels)
                : AxisTicks.linear(s.getXAxisMin(), s.getXAxisMax(), xLabels, xMinStep);
        yTicks = ticksFor(s.isYAxisLogarithmic(), s.getYAxisMin(), s.getYAxisMax(), Math.max(2, (int) (p.getHeight() / Y_LABEL_ROOM)));
        s.setAxisTitlePadding(roomFor(yTicks.labels()));
        super.paint(g, width, height);
        drawTicks(g, s);
    }

    private static AxisTicks ticksFor(boolean log, double min, double max, int maxLabels) {
        AxisTicks t = log ? AxisTicks.log(min, max, maxLabels) : AxisTicks.linear(min, max, maxLabels);
        return log && t.major().size() < 2 ? AxisTicks.linear(min, max, maxLabels) : t;
    }

    /** The axis-title padding that leaves room for the tick marks and labels of both axes (one padding serves both). */
    private int roomFor(List<String> yLabels) {
        Font f = getStyler().getAxisTickLabelsFont();
        double xNeed = bounds("0", f).getHeight() + MAJOR + GAP + 6;
        double yNeed = widest(yLabels) + MAJOR + GAP + 6;
        return (int) Math.ceil(Math.max(xNeed, yNeed));
    }

    private double widest(List<String> labels) {
        Font f = getStyler().getAxisTickLabelsFont();
        return labels.stream().mapToDouble(l -> bounds(l, f).getWidth()).max().orElse(0);
    }

    private static Rectangle2D bounds(String text, Font f) {
        return new TextLayout(text.isEmpty() ? " " : text, f, new FontRenderContext(null, true, false)).getBounds();
    }

    private void drawTicks(Graphics2D g, XYStyler s) {
        Rectangle2D p = plot.getBounds();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(s.getAxisTickMarksColor());
        g.setStroke(new BasicStroke(1f));
        Font font = s.getAxisTickLabelsFont();
        double bottom = p.getMaxY();
        double left = p.getMinX();
        for (double v : xTicks.minor()) {
            double x = getScreenXFromChart(v);
            if (inside(x, p.getMinX(), p.getMaxX())) {
                g.draw(new Line2D.Double(x, bottom, x, bottom + MINOR));
            }
        }
        for (double v : yTicks.minor()) {
            double y = getScreenYFromChart(v);
            if (inside(y, p.getMinY(), p.getMaxY())) {
                g.draw(new Line2D.Double(left, y, left - MINOR, y));
            }
        }
        for (int i = 0; i < xTicks.major().size(); i++) {
            double x = getScreenXFromChart(xTicks.major().get(i));
            if (!inside(x, p.getMinX(), p.getMaxX())) {
                continue;
            }
            g.setColor(s.getAxisTickMarksColor());
            g.draw(new Line2D.Double(x, bottom, x, bottom + MAJOR));
            TextLayout t = new TextLayout(xTicks.labels().get(i), font, g.getFontRenderContext());
            Rectangle2D b = t.getBounds();
            fill(g, s, t, x - b.getWidth() / 2 - b.getX(), bottom + MAJOR + GAP - b.getY());
        }
        for (int i = 0; i < yTicks.major().size(); i++) {
            double y = getScreenYFromChart(yTicks.major().get(i));
            if (!inside(y, p.getMinY(), p.getMaxY())) {
                continue;
            }
            g.setColor(s.getAxisTickMarksColor());
            g.draw(new Line2D.Double(left, y, left - MAJOR, y));
            TextLayout t = new TextLayout(yTicks.labels().get(i), font, g.getFontRenderContext());
            Rectangle2D b = t.getBounds();
            fill(g, s, t, left - MAJOR - GAP - b.getWidth() - b.getX(), y - b.getHeight() / 2 - b.getY());
        }
    }

    /** Draws text as its outline, as XChart does, so the SVG needs no fonts. */
    private static void fill(Graphics2D g, XYStyler s, TextLayout t, double x, double y) {
        Shape shape = t.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setColor(s.getAxisTickLabelsColor());
        g.fill(shape);
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo - 0.5 && v <= hi + 0.5;
    }

    /** Sets every axis range the experiment left open, from the data (see the class comment). */
    private void fixRanges(XYStyler s) {
        double[] x = dataRange(true, s.isXAxisLogarithmic());
        double[] y = dataRange(false, s.isYAxisLogarithmic());
        if (s.getXAxisMin() == null || s.getXAxisMax() == null) {
            // an axis of counts (examples, epochs) starts at 0 when its data start near it
            double[] r = s.isXAxisLogarithmic() ? logRange(x) : x[0] > 0 && x[0] <= 0.05 * (x[1] - x[0]) ? new double[] {0, x[1]} : x;
            s.setXAxisMin(s.getXAxisMin() == null ? r[0] : s.getXAxisMin());
            s.setXAxisMax(s.getXAxisMax() == null ? r[1] : s.getXAxisMax());
        }
        if (s.getYAxisMin() == null || s.getYAxisMax() == null) {
            double[] r;
            if (s.isYAxisLogarithmic()) {
                r = logRange(y);
            } else {
                AxisTicks t = AxisTicks.linear(y[0], y[1], 8);
                double step = t.major().size() > 1 ? t.major().get(1) - t.major().get(0) : 1;
                r = new double[] {Math.floor(y[0] / step + 1e-9) * step, Math.ceil(y[1] / step - 1e-9) * step};
            }
            s.setYAxisMin(s.getYAxisMin() == null ? r[0] : s.getYAxisMin());
            s.setYAxisMax(s.getYAxisMax() == null ? r[1] : s.getYAxisMax());
        }
    }

    private double[] dataRange(boolean xAxis, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : getSeriesMap().values()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return log ? new double[] {0.1, 1} : new double[] {0, 1};
        }
        if (lo == hi) {
            return log ? new double[] {lo / 2, hi * 2} : new double[] {lo - 1, hi + 1};
        }
        return new double[] {lo, hi};
    }

    /** The largest 1, 2 or 5 × 10^k at or below the low end and the smallest at or above the high end. */
    static double[] logRange(double[] r) {
        return new double[] {roundLog(r[0], false), roundLog(r[1], true)};
    }

    private static double roundLog(double v, boolean up) {
        int k = (int) Math.floor(Math.log10(v));
        double best = up ? Double.POSITIVE_INFINITY : 0;
        for (int e = k - 1; e <= k + 1; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double c = BigDecimal.valueOf(m).scaleByPowerOfTen(e).doubleValue();
                if (up ? c >= v * (1 - 1e-12) && c < best : c <= v * (1 + 1e-12) && c > best) {
                    best = c;
                }
            }
        }
        return best;
    }
}
