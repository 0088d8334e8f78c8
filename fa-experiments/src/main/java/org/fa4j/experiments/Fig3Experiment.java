package org.fa4j.experiments;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fa4j.analysis.Fig3Dynamics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fig. 3 (PAPER.md §2.5): the 1-1-1 linear network with T = B = 1 under the expected FA dynamics
 * Ẇ0 = B(T − W W0), Ẇ = (T − W W0) W0, computed by the theorem suite's {@link Fig3Dynamics}: the flow field, the solution hyperbola W0 W = 1 styled by stability, the bad
 * basin {2W − W0² < −3, W0 < r2(c)}, and the trajectory from (0, 0), which ends at (2^{1/3}, 2^{-1/3}).
 */
final class Fig3Experiment implements Experiment {
    @Override
    public String name() {
        return "fig3";
    }

    @Override
    public String title() {
        return "Fig. 3: flow field of the 1-1-1 network under FA (T = B = 1)";
    }

    @Override
    public ExperimentResult run(RunOptions o) {
        ExperimentResult res = new ExperimentResult(name());
        res.config("T", Fig3Dynamics.T).config("B", Fig3Dynamics.B).config("grid", "15x15 arrows on [-2,2]^2")
                .config("integrator", "Fig3Dynamics (Dormand-Prince 8(5,3)), t in [0, 40], 2000 samples");
        res.choice("dynamics", "expected FA updates with E[x²] = 1 (PAPER.md §2.5): Ẇ0 = B(T − W W0), Ẇ = (T − W W0) W0.");
        res.paper("trajectoryFromOrigin", "travels to the upper-right hyperbola (W0 = 2^{1/3} ≈ 1.26, W = 2^{-1/3} ≈ 0.794)");
        res.paper("badBasin", "a small region from which the system travels to the bad lower-left hyperbola");
        XYChart chart = Plots.chart("Fig. 3 — FA on the 1-1-1 network, T = B = 1", "W0", "W", false);
        chart.getStyler().setXAxisMin(-2.0).setXAxisMax(2.0).setYAxisMin(-2.0).setYAxisMax(2.0);
        chart.getStyler().setMarkerSize(3);
        // Bad basin: shaded by a fine grid of light grey dots.
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        int n = 120;
        int basinCount = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double x = -2 + 4.0 * i / n;
                double y = -2 + 4.0 * j / n;
                if (Fig3Dynamics.predictedOutcome(x, y) == Fig3Dynamics.Outcome.BAD_BRANCH) {
                    bx.add(x);
                    by.add(y);
                    basinCount++;
                }
            }
        }
        if (!bx.isEmpty()) {
            XYSeries basin = chart.addSeries("bad basin (flows to the bad branch)", bx, by);
            basin.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            basin.setMarker(SeriesMarkers.SQUARE);
            basin.setMarkerColor(new Color(215, 215, 215));
        }
        res.summary("badBasinAreaFraction", basinCount / (double) ((n + 1) * (n + 1)));
        // Flow field arrows, length-normalised.
        int g = 15;
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                double x = -2 + 4.0 * (i + 0.5) / g;
                double y = -2 + 4.0 * (j + 0.5) / g;
                Fig3Dynamics.Velocity v = Fig3Dynamics.velocity(x, y);
                double[] f = {v.dW0(), v.dW()};
                double len = Math.hypot(f[0], f[1]);
                if (len < 1e-9) {
                    continue;
                }
                double s = 0.1 / len;
                double tx = x + f[0] * s;
                double ty = y + f[1] * s;
                double hx = -f[0] * s * 0.4;
                double hy = -f[1] * s * 0.4;
                double[] xs = {x, tx, tx + hx - hy * 0.5, tx, tx + hx + hy * 0.5};
                double[] ys = {y, ty, ty + hy + hx * 0.5, ty, ty + hy - hx * 0.5};
                XYSeries a = chart.addSeries("a" + i + "_" + j, xs, ys);
                a.setMarker(SeriesMarkers.NONE);
                a.setLineColor(new Color(120, 120, 120));
                a.setLineStyle(new BasicStroke(0.8f));
                a.setShowInLegend(false);
            }
        }
        // Hyperbola W0 W = 1: upper right stable (grey), lower-left W0 < −1 stable (black), −1 < W0 < −0.5 unstable (dashed).
        branch(chart, "W0·W = 1, stable, eWBe > 0 (good)", 0.5, 2.0, new Color(150, 150, 150), new BasicStroke(4f));
        branch(chart, "W0·W = 1, stable, eWBe < 0 (bad)", -2.0, -1.0, Color.BLACK, new BasicStroke(4f));
        branch(chart, "W0·W = 1, unstable", -1.0, -0.5, Color.BLACK, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        List<Fig3Dynamics.State> states = Fig3Dynamics.trajectory(0, 0, 40, 2000);
        double[][] path = {states.stream().mapToDouble(Fig3Dynamics.State::w0).toArray(),
                           states.stream().mapToDouble(Fig3Dynamics.State::w).toArray()};
        XYSeries traj = chart.addSeries("trajectory from (0, 0)", path[0], path[1]);
        traj.setMarker(SeriesMarkers.NONE);
        traj.setLineColor(new Color(0, 150, 60));
        traj.setLineStyle(new BasicStroke(3.5f));
        double endW0 = path[0][path[0].length - 1];
        double endW = path[1][path[1].length - 1];
        res.summary("trajectoryFromOrigin", String.format(Locale.ROOT, "(%.4f, %.4f)", endW0, endW));
        res.summary("trajectoryEndW0", endW0).summary("trajectoryEndW", endW);
        res.summary("expectedEndW0", Math.cbrt(2)).summary("expectedEndW", 1 / Math.cbrt(2));
        res.summary("badBasin", String.format(Locale.ROOT, "%.1f%% of [-2,2]^2 flows to the bad branch", 100.0 * basinCount / ((n + 1) * (n + 1))));
        res.metric("trajectoryW0", thin(path[0], 20)).metric("trajectoryW", thin(path[1], 20));
        for (String f : Plots.save(chart, o.out(), "fig3")) {
            res.figure(f);
        }
        res.write(o.out());
        return res;
    }

    private static void branch(XYChart chart, String name, double from, double to, Color c, BasicStroke stroke) {
        int n = 100;
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = from + (to - from) * i / n;
            y[i] = 1 / x[i];
        }
        Plots.line(chart, name, x, y, c, stroke);
    }

    private static double[] thin(double[] v, int every) {
        double[] out = new double[(v.length + every - 1) / every];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i * every];
        }
        return out;
    }
}
