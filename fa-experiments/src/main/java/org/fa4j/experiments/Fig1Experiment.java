package org.fa4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fa4j.datasets.Seeds;
import org.knowm.xchart.XYChart;

/**
 * Fig. 1d/e (PAPER.md §2.1): Task 1, a linear 30-20-10 network learning y* = Tx online with shallow learning, node
 * perturbation, backprop and feedback alignment; η (and node perturbation's σ) per algorithm from a small grid
 * search on a validation set; then the test NSE curves and the angle Δh_FA∡Δh_BP with a ±2σ band over a sliding
 * window of 10 examples.
 *
 * <p>The data are fa-datasets' {@link org.fa4j.datasets.LinearTask} ({@link LinearData64}); the initial weights and B
 * are drawn by fa-core's {@link org.fa4j.core.Model}. The four curves train in float64 ({@link LinearNet64}) because
 * the paper follows BP and FA down to an NSE of 1e-11–1e-12, past float32; two more series train fa-core's float32
 * {@link org.fa4j.core.Trainer} (backprop and FA, same data, order, initial weights, B and η) as a cross-check of the
 * library: they follow the float64 curves until float32's floor.
 */
final class Fig1Experiment implements Experiment {
    /** The network as the figure and the result's config name it. */
    static final String NETWORK = "30-20-10 linear";
    static final double[] ETA_GRID = {0.001, 0.002, 0.005, 0.01, 0.02, 0.04};
    static final double[] SIGMA_GRID = {0.001, 0.01, 0.1};
    static final LinearNet64.Rule[] RULES = {LinearNet64.Rule.SHALLOW, LinearNet64.Rule.NODE_PERTURBATION,
            LinearNet64.Rule.BACKPROP, LinearNet64.Rule.FEEDBACK_ALIGNMENT};

    @Override
    public String name() {
        return "fig1";
    }

    @Override
    public String title() {
        return "Fig. 1d/e: Task 1 (linear), NSE of shallow / node perturbation / BP / FA, angle FA∡BP";
    }

    @Override
    public ExperimentResult run(RunOptions o) {
        int steps = o.quick() ? 4_000 : 20_000;
        int searchSteps = steps / 4;
        int recordEvery = Math.max(1, steps / 200);
        ExperimentResult res = new ExperimentResult(name());
        res.config("network", NETWORK + ", no biases").config("steps", steps).config("searchSteps", searchSteps)
                .config("etaGrid", ETA_GRID).config("npSigmaGrid", SIGMA_GRID).config("omega", 0.01).config("beta", 0.5)
                .config("recordEvery", recordEvery).config("testSize", 1000).config("validationSize", 1000);
        res.choice("trainingSetSize", steps + " examples, one pass, same order for every algorithm: the paper does not state N; "
                + "BP/FA pass the paper's ~1e-11 well before the end, and stop short of the double-precision floor (~1e-30) where "
                + "angles would measure rounding noise.");
        res.choice("nse", "Σ‖y*−y‖²/Σ‖y*‖² on 1000 held-out test points: the paper's curves start at 1 for the near-zero network.");
        res.choice("eta", "per algorithm, the grid value with the lowest validation NSE after " + searchSteps
                + " examples on 1000 validation points (later rows of the same training stream, never the test set): the paper chose η 'via manual search'.");
        res.choice("nodePerturbation", "ΔW0 = −η (L̃−L)/σ² ξ xᵀ with ξ ~ N(0,σ²) on the hidden units (Werfel et al. 2005); "
                + "σ chosen jointly with η on the same grid search.");
        res.choice("angleSummary", "the late angle is averaged over the 1000 examples before the test NSE falls below 1e-20; "
                + "below that e approaches double rounding and the angle measures noise.");
        res.choice("precision", "the four curves train in float64 (LinearNet64): the paper's BP/FA curves reach 1e-11–1e-12, "
                + "beyond float32 (its training stops near 1e-12–1e-14, see the fa-core series). The data come from fa-datasets' "
                + "LinearTask (float inputs and T widen exactly; targets recomputed as T x in double); W0, W and B are those fa-core's "
                + "Model.create draws for the same seed.");
        res.choice("faCoreSeries", "fa-core's float32 Trainer, backprop and FA, online, with the η chosen for the float64 runs, the "
                + "same examples in the same order, the same initial W0, W and B: the library beside the float64 reference.");
        res.choice("angleBand", "mean ± 2 sd of the per-example angle over sliding windows of 10 examples (Fig. 1e caption).");
        res.seed("master", o.seed());
        res.paper("shallow", "loss hardly decreases (NSE stays ~0.5-1)").paper("nodePerturbation", "some progress but slow (~1e-2 at the end)")
                .paper("backprop", "rapidly towards zero (~1e-11 to 1e-12)").paper("feedbackAlignment", "as quickly as backprop (slightly below)")
                .paper("angle", "starts ~90°, soon shrinks");

        // The η search: same target T, its own training examples and validation points (later rows of the same
        // training stream), never the test set.
        LinearData64 task = LinearData64.generate(o.seed(), steps, searchSteps, 1000, 1000);
        int searchRuns = ETA_GRID.length * (RULES.length - 1 + SIGMA_GRID.length);
        Map<String, Object> searchTable = new LinkedHashMap<>();
        Map<LinearNet64.Rule, double[]> best = new LinkedHashMap<>();
        try (Progress p = Progress.start("fig1", searchRuns * (long) searchSteps + (RULES.length + 2) * (long) steps, o.quiet())) {
            for (LinearNet64.Rule rule : RULES) {
                double[] sigmas = rule == LinearNet64.Rule.NODE_PERTURBATION ? SIGMA_GRID : new double[] {0};
                double bestNse = Double.POSITIVE_INFINITY;
                double[] choice = {ETA_GRID[0], sigmas[0]};
                List<Map<String, Object>> rows = new ArrayList<>();
                for (double sigma : sigmas) {
                    for (double eta : ETA_GRID) {
                        LinearRun r = LinearRun.search(task, rule, eta, sigma, 0.01, 0.5, o.seed(), searchSteps);
                        p.step(searchSteps);
                        double v = r.finalNse();
                        p.event(String.format(java.util.Locale.ROOT, "search %s η=%s%s: validation NSE %.3g", label(rule), eta,
                                rule == LinearNet64.Rule.NODE_PERTURBATION ? " σ=" + sigma : "", v));
                        rows.add(Map.of("eta", eta, "sigma", sigma, "validationNse", v));
                        if (v < bestNse) {
                            bestNse = v;
                            choice = new double[] {eta, sigma};
                        }
                    }
                }
                searchTable.put(rule.name(), rows);
                best.put(rule, choice);
            }
            res.metric("etaSearch", searchTable);
            XYChart nseChart = Plots.chart("Fig. 1d — Task 1 (" + NETWORK + ")", "examples", "test NSE", true);
            Map<String, Object> finals = new LinkedHashMap<>();
            double[][] angle = null;
            Map<LinearNet64.Rule, LinearRun> float64 = new LinkedHashMap<>();
            for (LinearNet64.Rule rule : RULES) {
                double[] c = best.get(rule);
                boolean fa = rule == LinearNet64.Rule.FEEDBACK_ALIGNMENT;
                LinearRun r = LinearRun.run(task, rule, c[0], c[1], 0.01, 0.5, o.seed(), 0, steps, recordEvery, fa, false);
                p.step(steps);
                p.event(String.format(java.util.Locale.ROOT, "%s η=%s: final test NSE %.3g", label(rule), c[0], r.finalNse()));
                float64.put(rule, r);
                res.metric("examples", r.examples());
                res.metric("nse_" + rule.name(), r.nse());
                finals.put(rule.name(), Map.of("eta", c[0], "npSigma", c[1], "finalTestNse", r.finalNse()));
                res.summary("finalNse_" + rule.name(), r.finalNse());
                res.summary("eta_" + rule.name(), c[0]);
                res.summary(paperKey(rule), String.format(Locale.ROOT, "final test NSE %.3g after %d examples (η = %s%s)", r.finalNse(), steps, c[0],
                        rule == LinearNet64.Rule.NODE_PERTURBATION ? ", σ = " + c[1] : ""));
                Plots.line(nseChart, label(rule) + " (η=" + c[0] + ")", r.examples(), r.nse(), color(rule), stroke(rule));
                if (fa) {
                    angle = Stats.slidingWindow(r.angleBp(), 10, 10);
                    res.summary("angleFaBpFirst10Deg", Stats.mean(r.angleBp(), 0, 10));
                    int until = r.meaningfulSteps(1e-20);
                    double late = Stats.mean(r.angleBp(), Math.max(0, until - 1000), until);
                    res.summary("angleFaBpLast1000Deg", late);
                    res.summary("angle", String.format(Locale.ROOT, "%.1f° over the first 10 examples, %.1f° over the 1000 examples before "
                            + "example %d (test NSE still > 1e-20)", Stats.mean(r.angleBp(), 0, 10), late, until));
                }
            }
            res.summary("npSigma", best.get(LinearNet64.Rule.NODE_PERTURBATION)[1]);
            // fa-core's float32 Trainer, same data, order, initial W0, W, B and η as the float64 BP and FA runs.
            Map<String, Object> library = new LinkedHashMap<>();
            for (LinearNet64.Rule rule : new LinearNet64.Rule[] {LinearNet64.Rule.BACKPROP, LinearNet64.Rule.FEEDBACK_ALIGNMENT}) {
                double eta = best.get(rule)[0];
                LinearRun f64 = float64.get(rule);
                LinearRun r = LinearRun.faCore(task, rule == LinearNet64.Rule.FEEDBACK_ALIGNMENT, eta, 0.01, 0.5, o.seed(), 0, steps,
                        recordEvery);
                p.step(steps);
                p.event(String.format(java.util.Locale.ROOT, "%s, fa-core float32: final test NSE %.3g", label(rule), r.finalNse()));
                String key = "faCore_" + rule.name();
                int agree = agreesUntil(f64, r, 0.01);
                res.metric("nse_" + key, r.nse());
                res.summary("finalNse_" + key, r.finalNse()).summary("floorNse_" + key, r.minNse())
                        .summary("agreesWithFloat64Until_" + key, agree);
                library.put(rule.name(), String.format(Locale.ROOT, "fa-core float32 (η = %s): final test NSE %.3g, lowest %.3g; within 1%% of the "
                        + "float64 curve for the first %d examples (float64 NSE there %.3g)", eta, r.finalNse(), r.minNse(), agree,
                        nseAt(f64, agree)));
                // lighter and dashed: on top of the float64 curve it follows, both stay visible
                Plots.line(nseChart, label(rule) + ", fa-core float32", r.examples(), r.nse(), Plots.lighter(color(rule), 0.45),
                        Plots.DASHED);
            }
            res.summary("faCore", library);
            res.metric("chosen", finals);
            res.metric("angleFaBp_windowEnd", angle[2]).metric("angleFaBp_mean", angle[0]).metric("angleFaBp_sd", angle[1]);
            for (String f : Plots.save(nseChart, o.out(), "fig1d")) {
                res.figure(f);
            }
            XYChart angleChart = Plots.chart("Fig. 1e — angle Δh_FA ∡ Δh_BP (mean ± 2 sd, window of 10)", "examples",
                    "angle (degrees)", false);
            angleChart.getStyler().setYAxisMin(0.0).setYAxisMax(90.0);
            double[] lo = new double[angle[0].length];
            double[] hi = new double[angle[0].length];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = angle[0][i] - 2 * angle[1][i];
                hi[i] = angle[0][i] + 2 * angle[1][i];
            }
            Plots.band(angleChart, "FA ∡ BP ± 2 sd", angle[2], lo, hi, Plots.FA, 0, 90);
            Plots.line(angleChart, "FA ∡ BP, mean of 10 (band: ± 2 sd)", angle[2], angle[0], Plots.FA, Plots.SOLID);
            for (String f : Plots.save(angleChart, o.out(), "fig1e")) {
                res.figure(f);
            }
            overSeeds(res, o, best, o.quick() ? 3 : 10, steps, searchSteps, recordEvery, p);
        }
        res.write(o.out());
        return res;
    }

    /** The NSE levels whose crossing is timed over the seeds. */
    static final double[] THRESHOLDS = {1e-6, 1e-11};
    /** Their names in result keys. */
    static final String[] THRESHOLD_NAMES = {"1e-6", "1e-11"};

    /**
     * Fig. 1d–e again over {@code n} seeds, each a new task (T, B, initial weights and data, from
     * {@code Seeds.derive(seed, "fig1-seeds", k)}) trained with the η chosen above: the median NSE curve of each rule
     * with its inter-quartile band, FA's angle likewise, and the number of examples each rule needs to reach NSE 1e-6
     * and 1e-11 (mean ± sd over the seeds that reach it), with the paired FA − BP difference and its 95% interval.
     */
    private static void overSeeds(ExperimentResult res, RunOptions o, Map<LinearNet64.Rule, double[]> best, int n, int steps,
                                  int searchSteps, int recordEvery, Progress p) {
        Map<LinearNet64.Rule, double[][]> curves = new LinkedHashMap<>();
        Map<LinearNet64.Rule, double[][]> reached = new LinkedHashMap<>(); // [threshold][seed] examples, NaN if never
        double[][] angle = new double[n][];
        double[] examples = null;
        double[] angleAt = null;
        for (LinearNet64.Rule rule : RULES) {
            curves.put(rule, new double[n][]);
            reached.put(rule, new double[THRESHOLDS.length][n]);
        }
        for (int k = 0; k < n; k++) {
            long seed = Seeds.derive(o.seed(), "fig1-seeds", k);
            LinearData64 task = LinearData64.generate(seed, steps, searchSteps, 1000, 1000);
            for (LinearNet64.Rule rule : RULES) {
                double[] c = best.get(rule);
                boolean fa = rule == LinearNet64.Rule.FEEDBACK_ALIGNMENT;
                LinearRun r = LinearRun.run(task, rule, c[0], c[1], 0.01, 0.5, seed, 0, steps, recordEvery, fa, false);
                curves.get(rule)[k] = r.nse();
                examples = r.examples();
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    reached.get(rule)[t][k] = firstReached(r, THRESHOLDS[t]);
                }
                if (fa) {
                    double[][] w = Stats.slidingWindow(r.angleBp(), 10, 10);
                    angle[k] = w[0];
                    angleAt = w[2];
                }
            }
            p.event(String.format(Locale.ROOT, "seed %d of %d: final test NSE BP %.3g, FA %.3g", k + 1, n,
                    last(curves.get(LinearNet64.Rule.BACKPROP)[k]), last(curves.get(LinearNet64.Rule.FEEDBACK_ALIGNMENT)[k])));
        }
        res.config("seedsOverSeeds", n);
        res.choice("overSeeds", n + " seeds, each a new task (T, B, initial weights, data) with the η chosen on the first seed's search; "
                + "curves as median and inter-quartile range; time to an NSE level = the first record point (every " + recordEvery
                + " examples) at or below it, over the seeds that reach it; paired FA − BP with Student's t 95% interval.");
        XYChart nseChart = Plots.chart("Fig. 1d over " + n + " seeds — median, band: inter-quartile range", "examples", "test NSE", true);
        Map<String, Object> times = new LinkedHashMap<>();
        for (LinearNet64.Rule rule : RULES) {
            double[][] c = curves.get(rule);
            Plots.band(nseChart, label(rule) + " IQR", examples, Stats.quantileRows(c, 0.25), Stats.quantileRows(c, 0.75), color(rule), 1e-40,
                    Double.MAX_VALUE);
            Plots.line(nseChart, label(rule) + " (median)", examples, Stats.quantileRows(c, 0.5), color(rule), stroke(rule));
            res.metric("nseMedian_" + rule.name(), Stats.quantileRows(c, 0.5));
            res.metric("finalNseOverSeeds_" + rule.name(), Stats.last(c));
            Map<String, Object> perLevel = new LinkedHashMap<>();
            for (int t = 0; t < THRESHOLDS.length; t++) {
                double[] v = reached.get(rule)[t];
                long count = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).count();
                perLevel.put(THRESHOLD_NAMES[t], v);
                res.summary("examplesToNse" + THRESHOLD_NAMES[t] + "_" + rule.name(), count == 0
                        ? String.format(Locale.ROOT, "not reached by any of %d seeds within %d examples", n, steps)
                        : String.format(Locale.ROOT, "%.0f ± %.0f examples (%d of %d seeds reach it)", Stats.mean(v), Stats.sd(v), count, n));
            }
            times.put(rule.name(), perLevel);
        }
        res.metric("examplesToNse", times);
        for (int t = 0; t < THRESHOLDS.length; t++) {
            double[] bp = reached.get(LinearNet64.Rule.BACKPROP)[t];
            double[] fa = reached.get(LinearNet64.Rule.FEEDBACK_ALIGNMENT)[t];
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = fa[k] - bp[k]; // NaN unless both reach the level
            }
            double[] ci = Stats.pairedCi95(d);
            String key = "pairedFaMinusBpExamplesToNse" + THRESHOLD_NAMES[t];
            res.summary(key, String.format(Locale.ROOT, "FA − BP = %.0f examples, 95%% CI [%.0f, %.0f] over %d paired seeds", ci[0], ci[1],
                    ci[2], (int) ci[3]));
            res.metric(key, ci);
        }
        for (String f : Plots.save(nseChart, o.out(), "fig1d_seeds")) {
            res.figure(f);
        }
        XYChart angleChart = Plots.chart("Fig. 1e over " + n + " seeds — FA ∡ BP, median of windows of 10, band: inter-quartile range",
                "examples", "angle (degrees)", false);
        angleChart.getStyler().setYAxisMin(0.0).setYAxisMax(90.0);
        Plots.band(angleChart, "FA ∡ BP IQR", angleAt, Stats.quantileRows(angle, 0.25), Stats.quantileRows(angle, 0.75), Plots.FA, 0, 90);
        Plots.line(angleChart, "FA ∡ BP (median over seeds)", angleAt, Stats.quantileRows(angle, 0.5), Plots.FA, Plots.SOLID);
        res.metric("angleFaBpMedianOverSeeds", Stats.quantileRows(angle, 0.5));
        for (String f : Plots.save(angleChart, o.out(), "fig1e_seeds")) {
            res.figure(f);
        }
    }

    /** The examples at the first record point with test NSE at or below {@code level}; NaN if none. */
    static double firstReached(LinearRun r, double level) {
        for (int i = 0; i < r.nse().length; i++) {
            if (r.nse()[i] <= level) {
                return r.examples()[i];
            }
        }
        return Double.NaN;
    }

    private static double last(double[] v) {
        return v[v.length - 1];
    }

    /**
     * The number of examples up to which the fa-core float32 curve stays within {@code tolerance} (relative) of the
     * float64 one at every record point: where the library's float32 run stops following the float64 reference.
     */
    static int agreesUntil(LinearRun float64, LinearRun float32, double tolerance) {
        int until = 0;
        for (int i = 0; i < float64.nse().length; i++) {
            double a = float64.nse()[i];
            double b = float32.nse()[i];
            if (!(Math.abs(a - b) <= tolerance * a)) {
                break;
            }
            until = (int) float64.examples()[i];
        }
        return until;
    }

    static double nseAt(LinearRun run, int examples) {
        for (int i = 0; i < run.examples().length; i++) {
            if (run.examples()[i] == examples) {
                return run.nse()[i];
            }
        }
        return Double.NaN;
    }

    static String paperKey(LinearNet64.Rule r) {
        return switch (r) {
            case SHALLOW -> "shallow";
            case NODE_PERTURBATION -> "nodePerturbation";
            case BACKPROP -> "backprop";
            case FEEDBACK_ALIGNMENT -> "feedbackAlignment";
        };
    }

    static String label(LinearNet64.Rule r) {
        return switch (r) {
            case SHALLOW -> "shallow";
            case NODE_PERTURBATION -> "node perturbation";
            case BACKPROP -> "backprop";
            case FEEDBACK_ALIGNMENT -> "feedback alignment";
        };
    }

    /** Node perturbation dash-dotted, so that it differs from backprop's black in style as well as shade. */
    static java.awt.BasicStroke stroke(LinearNet64.Rule r) {
        return r == LinearNet64.Rule.NODE_PERTURBATION ? Plots.DASH_DOT : Plots.SOLID;
    }

    static java.awt.Color color(LinearNet64.Rule r) {
        return switch (r) {
            case SHALLOW -> Plots.SHALLOW;
            case NODE_PERTURBATION -> Plots.NODE_PERT;
            case BACKPROP -> Plots.BP;
            case FEEDBACK_ALIGNMENT -> Plots.FA;
        };
    }
}
