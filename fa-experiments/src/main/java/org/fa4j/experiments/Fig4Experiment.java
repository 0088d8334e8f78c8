package org.fa4j.experiments;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Fig. 4 (PAPER.md §2.2): single FA runs of Task 1 with W0, W ~ U[-ω, ω] for the nine ω of the paper, η = 1e-3:
 * test NSE, and the angles Δh_FA∡Δh_BP and Δh_FA∡Δh_PBP (Δh_PBP = W⁺e) averaged over windows.
 *
 * <p>Data from fa-datasets' {@link org.fa4j.datasets.LinearTask}, initial weights and B drawn by fa-core's
 * {@link org.fa4j.core.Model}; training in float64 ({@link LinearNet64}) because the curves run to NSE 1e-10 and
 * below and the angles are measured on errors that small, beyond float32.
 */
final class Fig4Experiment implements Experiment {
    static final double[] OMEGAS = {0.0001, 0.001, 0.01, 0.05, 0.1, 0.125, 0.15, 0.2, 0.25};
    static final double ETA = 1e-3;

    @Override
    public String name() {
        return "fig4";
    }

    @Override
    public String title() {
        return "Fig. 4: ω sweep of FA on Task 1 (η = 1e-3) — NSE, angle to BP, angle to pseudobackprop";
    }

    @Override
    public ExperimentResult run(RunOptions o) {
        int steps = o.quick() ? 6_000 : 20_000;
        int window = Math.max(10, steps / 200);
        ExperimentResult res = new ExperimentResult(name());
        res.config("network", "30-20-10 linear, no biases").config("eta", ETA).config("omegas", OMEGAS).config("beta", 0.5)
                .config("steps", steps).config("angleWindow", window).config("testSize", 1000);
        res.choice("steps", steps + " examples: the paper's x-axis units are unknown; by then every ω is below the paper's 1e-10 axis floor "
                + "(~1e-20) while e is still far above double rounding — past ~3×10^4 examples the NSE reaches 1e-30 and the angles "
                + "measure rounding noise.");
        res.choice("precision", "float64 (LinearNet64): the paper's Fig. 4a axis runs to 1e-10 and the angles are read on errors that "
                + "small, beyond float32; data from fa-datasets' LinearTask (widened exactly, targets T x recomputed in double), "
                + "W0, W and B as fa-core's Model.create draws them.");
        res.choice("angleSummary", "'last 10%' = the last tenth of the examples before the test NSE falls below 1e-20 "
                + "(below it e approaches double rounding and angles measure noise).");
        res.choice("angles", "per-example angles using the current W and e, averaged over non-overlapping windows of " + window
                + " examples; W⁺ from the Gram matrix (full row rank), NaN where it is singular.");
        res.seed("master", o.seed());
        res.paper("claim", "for small ω the angle to pseudobackprop quickly becomes smaller than the angle to backprop (Fig. 4b, c)");
        LinearData64 task = LinearData64.generate(o.seed(), steps, 0, 0, 1000);
        XYChart nse = Plots.chart("Fig. 4a — FA, weights ~ U[−ω, ω], η = 1e-3", "examples", "test NSE", true);
        XYChart bp = Plots.chart("Fig. 4b — Δh_FA ∡ Δh_BP", "examples", "angle (degrees)", false);
        XYChart pbp = Plots.chart("Fig. 4c — Δh_FA ∡ Δh_PBP", "examples", "angle (degrees)", false);
        for (XYChart angles : new XYChart[] {bp, pbp}) {
            angles.getStyler().setYAxisMin(0.0).setYAxisMax(90.0);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        try (Progress p = Progress.start("fig4", (long) OMEGAS.length * steps, o.quiet())) {
            for (int k = 0; k < OMEGAS.length; k++) {
                double omega = OMEGAS[k];
                LinearRun r = LinearRun.run(task, LinearNet64.Rule.FEEDBACK_ALIGNMENT, ETA, 0, omega, 0.5, o.seed(), 0, steps,
                        Math.max(1, steps / 200), true, true);
                p.step(steps);
                p.event(String.format(java.util.Locale.ROOT, "ω=%s: final test NSE %.3g", omega, r.finalNse()));
                double[][] aBp = Stats.slidingWindow(r.angleBp(), window, window);
                double[][] aPbp = Stats.slidingWindow(r.anglePbp(), window, window);
                String key = "omega=" + omega;
                res.metric("examples_" + key, r.examples()).metric("nse_" + key, r.nse())
                        .metric("angleBp_" + key, aBp[0]).metric("anglePbp_" + key, aPbp[0]);
                res.metric("angleExamples", aBp[2]);
                int until = r.meaningfulSteps(1e-20);
                int from = Math.max(0, until - Math.max(window, until / 10));
                double finalBp = Stats.mean(r.angleBp(), from, until);
                double finalPbp = Stats.mean(r.anglePbp(), from, until);
                table.put(key, Map.of("finalNse", r.finalNse(), "angleBpLast10pct", finalBp, "anglePbpLast10pct", finalPbp));
                // blue to red as in the paper, and a line style in turn: neighbouring ω (whose curves overlap) differ in both
                java.awt.Color c = Plots.blueToRed(k / (double) (OMEGAS.length - 1));
                java.awt.BasicStroke style = Plots.CYCLE[k % Plots.CYCLE.length];
                String label = "ω = " + AxisTicks.linearLabel(omega, 4).replaceAll("0+$", "");
                Plots.line(nse, label, r.examples(), r.nse(), c, style);
                Plots.line(bp, label, aBp[2], aBp[0], c, style);
                Plots.line(pbp, label, aPbp[2], aPbp[0], c, style);
            }
        }
        res.summary("byOmega", table);
        StringBuilder claim = new StringBuilder("angle to PBP vs to BP over the last 10%:");
        for (double omega : new double[] {OMEGAS[0], 0.01, OMEGAS[OMEGAS.length - 1]}) {
            @SuppressWarnings("unchecked")
            Map<String, Double> row = (Map<String, Double>) (Map<String, ?>) table.get("omega=" + omega);
            claim.append(String.format(Locale.ROOT, " ω=%s: %.1f° vs %.1f°;", omega, row.get("anglePbpLast10pct"), row.get("angleBpLast10pct")));
        }
        res.summary("claim", claim.toString());
        for (String f : Plots.save(nse, o.out(), "fig4a")) {
            res.figure(f);
        }
        for (String f : Plots.save(bp, o.out(), "fig4b")) {
            res.figure(f);
        }
        for (String f : Plots.save(pbp, o.out(), "fig4c")) {
            res.figure(f);
        }
        res.write(o.out());
        return res;
    }
}
