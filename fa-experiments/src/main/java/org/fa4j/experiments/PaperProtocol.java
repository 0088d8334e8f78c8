package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.Seeds;
import org.fa4j.datasets.Split;
import org.fa4j.datasets.TrainTest;
import org.knowm.xchart.XYChart;

/**
 * Fig. 2a's MNIST protocol as the paper writes it (PAPER.md §2.3), {@code reproduce mnist --protocol paper}: 784-1000-10
 * logistic units, squared error, one-hot targets, η = 1e-3 per example online, weight decay 1e-6, ω chosen for BP and
 * reused for FA and shallow learning, β chosen by five FA restarts, and the same number of epochs for every run and rule,
 * set where BP begins to overfit — every choice on a validation split carved from the training images (the paper used
 * the test set; we do not). n runs per rule (20 by default), a new B and new forward weights per trial; the test error
 * at the chosen epoch is reported as mean ± sd and as the paired FA − BP and shallow − BP differences by trial with
 * their 95% intervals.
 *
 * <p>Every run is a {@link PaperRun} whose state lives in {@code <out>/mnist-paper/}: the command can be stopped at any
 * point and run again (on another machine, from a committed copy of the folder) and goes on from the last finished epoch
 * of every run. Runs train one per thread ({@code --threads}); the results do not depend on the thread count.
 *
 * <p>Phases: (1) ω: BP at each ω of the grid on several seeds for a few epochs, scored by the mean validation error; a
 * best value at an edge of the grid extends the grid (up to {@link #MAX_EXTENSIONS} times) until it is interior. (2) β:
 * FA at the chosen ω, one run per β (the paper's five restarts), the same score and extension. (3) Horizon: the ω
 * search's BP runs at the chosen ω go on in rounds until their mean validation error has not improved for
 * {@code patience} epochs after its minimum T (BP begins to overfit at T), or the cap is reached, in which case T is the
 * cap and the result says so. (4) The n trials of BP, FA and shallow learning train for T epochs.
 */
final class PaperProtocol implements Experiment {
    static final String NAME = "mnist-paper";
    static final double ETA = 1e-3;
    static final double[] OMEGA_GRID = {0.03, 0.1, 0.3};
    static final double[] BETA_GRID = {0.1, 0.3, 1, 3, 10};
    static final int MAX_EXTENSIONS = 3;
    static final List<MnistRule> RULES = List.of(MnistRule.BACKPROP, MnistRule.FEEDBACK_ALIGNMENT, MnistRule.SHALLOW);

    /**
     * The protocol's sizes: images, hidden units, the ω search's seeds and the epochs of both searches, the epoch cap,
     * patience and round length of the horizon phase, and the trials per rule.
     */
    record Budget(int trainSize, int testSize, int hidden, int omegaSeeds, int searchEpochs, int cap, int patience, int round, int trials) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Fig. 2a, the paper's protocol as written: MNIST online at η 1e-3, BP / FA / shallow, paired by trial";
    }

    /** Full: 60k/10k images, 1000 hidden, 3 ω seeds × 5 epochs, cap 200, patience 10, n = 20. Quick: a CI-sized version. */
    static Budget budget(RunOptions o) {
        int trials = o.trialsOr(20, 2);
        if (o.quick()) {
            return new Budget(3000, 500, 50, 2, 1, o.paperEpochs() > 0 ? o.paperEpochs() : 4, 1, 2, trials);
        }
        return new Budget(60_000, 10_000, MnistTrial.HIDDEN, 3, 5, o.paperEpochs() > 0 ? o.paperEpochs() : 200, 10, 5, trials);
    }

    /** What every run of this protocol shares; a state folder written under another one is refused, not mixed in. */
    static String protocol(Budget b, int trainSize, int validationSize, long seed) {
        return String.format(Locale.ROOT, "paper/1: 784-%d-10 logistic, squared error, η %s online, α %s, %d training / %d validation images "
                + "(hold-out seed %d)", b.hidden(), ETA, MnistTrial.WEIGHT_DECAY, trainSize, validationSize, seed);
    }

    @Override
    public ExperimentResult run(RunOptions o) {
        Budget b = budget(o);
        Path dir = o.dataDir().resolve("mnist");
        TrainTest data;
        try {
            data = Mnist.load(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mnist from " + dir + ": " + e.getMessage(), e);
        }
        Dataset all = data.train().rows(0, Math.min(b.trainSize(), data.train().size()));
        Dataset test = data.test().rows(0, Math.min(b.testSize(), data.test().size()));
        int valSize = Math.min(MnistExperiment.VALIDATION, all.size() / 6);
        Split held = all.holdOut(valSize, o.seed());
        Dataset train = held.train();
        Dataset validation = held.validation();
        Path state = o.out().resolve(NAME);
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + state + ": " + e.getMessage(), e);
        }
        String protocol = protocol(b, train.size(), valSize, o.seed());
        Runs runs = new Runs(state, protocol, train, validation, test, b, o);

        ExperimentResult res = new ExperimentResult(NAME);
        try {
            res.data("mnist", Mnist.files(dir));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("cannot read mnist from " + dir + ": " + e.getMessage(), e);
        }
        res.seed("master", o.seed());
        res.config("protocol", protocol).config("network", "784-" + b.hidden() + "-10, logistic hidden and output units, biases")
                .config("loss", "squared error ½‖y* − y‖², one-hot targets").config("eta", ETA).config("batch", 1)
                .config("weightDecay", MnistTrial.WEIGHT_DECAY).config("trainSize", train.size()).config("validationSize", valSize)
                .config("testSize", test.size()).config("trials", b.trials()).config("epochCap", b.cap()).config("patience", b.patience())
                .config("rules", RULES.stream().map(r -> r.id).toList()).config("quick", o.quick()).config("stateFolder", NAME + "/");
        res.choice("validation", "every choice (ω, β, the number of epochs) is made on " + valSize + " training images held out at random "
                + "(seed = master seed); the paper chose ω and the stopping time on the test set, which is only reported here.");
        res.choice("init", "W0, W ~ U[-ω, ω], biases 0, B ~ U[-β, β]; trial t's BP, FA and shallow runs share the forward draws and the "
                + "example order; a new B and new forward weights per trial. Shallow learning uses BP's ω (the paper names one ω).");
        res.choice("order", "epoch e visits the examples in a permutation from Seeds.derive(orderSeed, \"epoch\", e), so a resumed run "
                + "is bit-identical to one run straight through.");

        long total = (long) train.size() * ((long) b.omegaSeeds() * OMEGA_GRID.length * b.searchEpochs() + (long) BETA_GRID.length * b.searchEpochs()
                + (long) b.omegaSeeds() * b.cap() + (long) RULES.size() * b.trials() * b.cap());
        try (Progress p = Progress.start(NAME, total, o.quiet())) {
            runs.progress = p;
            double omega = search(res, runs, "omega", OMEGA_GRID, v -> omegaRuns(runs, v, b), b.searchEpochs());
            runs.finishSearchRunsBut(omegaRuns(runs, omega, b));
            double beta = search(res, runs, "beta", BETA_GRID, v -> List.of(runs.open("search-fa-w" + label(omega) + "-b" + label(v) + "-s0",
                    MnistRule.FEEDBACK_ALIGNMENT, omega, v, 0, true)), b.searchEpochs());
            runs.finishSearchRunsBut(omegaRuns(runs, omega, b));
            int horizon = horizon(res, runs, omegaRuns(runs, omega, b), b);
            Map<MnistRule, List<PaperRun>> trials = new LinkedHashMap<>();
            List<PaperRun> every = new ArrayList<>();
            for (int t = 0; t < b.trials(); t++) {
                for (MnistRule r : RULES) {
                    PaperRun run = runs.open(r.id + "-t" + String.format(Locale.ROOT, "%02d", t + 1), r, omega,
                            r == MnistRule.FEEDBACK_ALIGNMENT ? beta : 0, t, false);
                    trials.computeIfAbsent(r, k -> new ArrayList<>()).add(run);
                    every.add(run);
                }
            }
            runs.advance(every, horizon);
            runs.parallel(every.stream().<Runnable>map(r -> r::finish).toList());
            report(res, trials, horizon, omega, beta, b, o);
            res.summary("computeSeconds", every.stream().mapToDouble(PaperRun::seconds).sum() + runs.searchSeconds());
        }
        res.paper("bp", "2.4% (n = 20)").paper("fa", "2.1% (n = 20)").paper("shallow", "7.2%");
        res.write(o.out());
        return res;
    }

    private static List<PaperRun> omegaRuns(Runs runs, double omega, Budget b) {
        List<PaperRun> l = new ArrayList<>();
        for (int k = 0; k < b.omegaSeeds(); k++) {
            l.add(runs.open("search-bp-w" + label(omega) + "-s" + k, MnistRule.BACKPROP, omega, 0, k, true));
        }
        return l;
    }

    /**
     * Picks the value of {@code grid} whose runs have the lowest mean validation error after {@code epochs} epochs,
     * extending the grid by its edge ratio while the best value sits at an edge; records the scores in the result.
     */
    private static double search(ExperimentResult res, Runs runs, String what, double[] start, java.util.function.DoubleFunction<List<PaperRun>> runsOf,
                                 int epochs) {
        GridSearch.Outcome out = GridSearch.run(start, MAX_EXTENSIONS, values -> {
            List<PaperRun> todo = new ArrayList<>();
            Map<Double, List<PaperRun>> byValue = new LinkedHashMap<>();
            for (double v : values) {
                List<PaperRun> l = runsOf.apply(v);
                byValue.put(v, l);
                todo.addAll(l);
            }
            runs.advance(todo, epochs);
            Map<Double, Double> score = new LinkedHashMap<>();
            byValue.forEach((v, l) -> score.put(v, l.stream().mapToDouble(r -> r.validationError()[epochs]).average().orElseThrow()));
            return score;
        });
        Map<String, Object> table = new LinkedHashMap<>();
        out.grid().forEach(v -> table.put(String.valueOf(v), out.scores().get(v)));
        res.metric("search_" + what + "_validationError", table);
        res.summary(what, out.best());
        res.choice(what, String.format(Locale.ROOT, "%s = %s: lowest mean validation error after %d epochs (%.2f%%) over %s%s", what, out.best(),
                epochs, 100 * out.scores().get(out.best()), out.grid(), out.atEdge() ? "; still at an edge of the grid after " + MAX_EXTENSIONS
                        + " extensions" : out.extensions() > 0 ? "; the grid was extended " + out.extensions()
                        + " time(s) because the best value sat at its edge" : ""));
        return out.best();
    }

    /** A grid value as a run key shows it: plain decimal digits, no exponent (0.003, 10). */
    static String label(double v) {
        return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }


    /**
     * The horizon T: the epoch of the lowest mean validation error of {@code bp}, final once that mean has not improved
     * for {@code patience} epochs or the cap is reached.
     */
    private static int horizon(ExperimentResult res, Runs runs, List<PaperRun> bp, Budget b) {
        int at = bp.get(0).epochs();
        while (true) {
            double[] mean = meanCurve(bp);
            int best = argmin(mean, 1);
            int done = mean.length - 1;
            if (done >= b.cap() || done - best >= b.patience()) {
                boolean capped = done - best < b.patience();
                int t = capped ? b.cap() : best;
                res.metric("horizon_bpValidationError", mean);
                res.summary("epochs", t);
                res.choice("epochs", capped
                        ? String.format(Locale.ROOT, "%d epochs: the cap. BP had not begun to overfit by then (mean validation error of %d BP runs "
                        + "still at its lowest, %.2f%%, within %d epochs of the end)", t, bp.size(), 100 * mean[best], b.patience())
                        : String.format(Locale.ROOT, "%d epochs: where the mean validation error of %d BP runs is lowest (%.2f%%) and has not "
                        + "improved for the %d epochs after it (BP begins to overfit)", t, bp.size(), 100 * mean[best], b.patience()));
                res.summary("epochsCapped", capped);
                runs.parallel(bp.stream().<Runnable>map(r -> r::finish).toList());
                return t;
            }
            at = Math.min(b.cap(), Math.max(at, done) + b.round());
            runs.advance(bp, at);
        }
    }

    static double[] meanCurve(List<PaperRun> runs) {
        int n = runs.stream().mapToInt(PaperRun::epochs).min().orElseThrow() + 1;
        double[] m = new double[n];
        for (PaperRun r : runs) {
            double[] v = r.validationError();
            for (int i = 0; i < n; i++) {
                m[i] += v[i] / runs.size();
            }
        }
        return m;
    }

    /** The index of the smallest value from {@code from} on (the first of equal ones). */
    static int argmin(double[] v, int from) {
        int best = Math.min(from, v.length - 1);
        for (int i = best + 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void report(ExperimentResult res, Map<MnistRule, List<PaperRun>> trials, int t, double omega, double beta, Budget b, RunOptions o) {
        List<Map<String, Object>> table = new ArrayList<>();
        Map<MnistRule, double[]> finals = new LinkedHashMap<>();
        XYChart chart = Plots.chart("Fig. 2a, paper protocol: 784-" + b.hidden() + "-10, η 1e-3 online — mean test error (n = " + b.trials() + ")",
                "epoch", "% error on test set", true);
        ((FigureChart) chart).xMinStep(1);
        for (Map.Entry<MnistRule, List<PaperRun>> e : trials.entrySet()) {
            MnistRule rule = e.getKey();
            List<PaperRun> rs = e.getValue();
            double[] f = rs.stream().mapToDouble(r -> 100 * r.testError()[t]).toArray();
            double[] v = rs.stream().mapToDouble(r -> 100 * r.validationError()[t]).toArray();
            finals.put(rule, f);
            long stuck = rs.stream().filter(r -> r.saturation()[1] > MnistTrial.STUCK_OUTPUT_SHARE).count();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", rule.id);
            row.put("trials", rs.size());
            row.put("epochs", t);
            row.put("testErrorPercentMean", Stats.mean(f));
            row.put("testErrorPercentSd", Stats.sd(f));
            row.put("validationErrorPercentMean", Stats.mean(v));
            row.put("stuckRuns", stuck);
            table.add(row);
            double[][] curves = rs.stream().map(r -> Arrays.stream(r.testError()).map(x -> 100 * x).toArray()).toArray(double[][]::new);
            res.metric("testErrorPercent_" + rule.id, curves);
            res.metric("validationErrorPercent_" + rule.id, rs.stream().map(r -> Arrays.stream(r.validationError()).map(x -> 100 * x).toArray()).toArray());
            res.metric("saturatedShare_" + rule.id, rs.stream().map(PaperRun::saturation).toArray());
            res.summary(rule.id, String.format(Locale.ROOT, "%.2f%% ± %.2f (n = %d, %d epochs, η = 1e-3, batch 1)%s", Stats.mean(f), Stats.sd(f),
                    rs.size(), t, stuck == 0 ? "" : "; " + stuck + " run(s) stuck (an output unit saturated), included in the mean"));
            double[] x = new double[curves[0].length];
            Arrays.setAll(x, i -> i);
            java.awt.Color c = rule == MnistRule.BACKPROP ? Plots.BP : rule == MnistRule.SHALLOW ? Plots.SHALLOW : Plots.FA;
            Plots.line(chart, rule.id, x, Stats.meanRows(curves), c, MnistExperiment.stroke(rule));
        }
        res.metric("table", table);
        for (MnistRule r : List.of(MnistRule.FEEDBACK_ALIGNMENT, MnistRule.SHALLOW)) {
            double[] d = new double[b.trials()];
            for (int i = 0; i < d.length; i++) {
                d[i] = finals.get(r)[i] - finals.get(MnistRule.BACKPROP)[i];
            }
            res.metric("paired_" + r.id + "MinusBp", d);
            res.summary("paired_" + r.id + "MinusBp", Stats.pairedLine(d, r.id, "BP"));
        }
        for (String f : Plots.save(chart, o.out(), NAME + "a")) {
            res.figure(f);
        }
    }

    /** The runs of one invocation: where their state lives, the data, and the threads that train them. */
    private static final class Runs {
        final Path dir;
        final String protocol;
        final Dataset train;
        final Dataset validation;
        final Dataset test;
        final Budget budget;
        final RunOptions options;
        final Map<String, PaperRun> search = new LinkedHashMap<>();
        Progress progress;

        Runs(Path dir, String protocol, Dataset train, Dataset validation, Dataset test, Budget budget, RunOptions options) {
            this.dir = dir;
            this.protocol = protocol;
            this.train = train;
            this.validation = validation;
            this.test = test;
            this.budget = budget;
            this.options = options;
        }

        /** The run {@code key} (resumed if its state exists); search runs draw their seeds from their own streams. */
        PaperRun open(String key, MnistRule rule, double omega, double beta, int index, boolean searchRun) {
            long seed = options.seed();
            long model = searchRun ? Seeds.derive(seed, "paper-search-model", index) : Seeds.derive(seed, "mnist-model", index);
            long order = searchRun ? Seeds.derive(seed, "paper-search-order", index) : Seeds.derive(seed, "mnist-order", index);
            PaperRun r = PaperRun.open(dir, new PaperRun.Setup(key, rule, omega, beta, model, order, budget.hidden(), protocol), train, validation, test);
            if (searchRun) {
                search.put(key, r);
            }
            return r;
        }

        double searchSeconds() {
            return search.values().stream().mapToDouble(PaperRun::seconds).sum();
        }

        /** Finishes the search runs other than {@code keep} (their weights are no longer needed). */
        void finishSearchRunsBut(List<PaperRun> keep) {
            List<String> k = keep.stream().map(r -> r.setup().key()).toList();
            parallel(search.values().stream().filter(r -> !k.contains(r.setup().key())).<Runnable>map(r -> r::finish).toList());
        }

        /** Trains every run to {@code epochs} epochs, one run per thread. */
        void advance(List<PaperRun> rs, int epochs) {
            parallel(rs.stream().<Runnable>map(r -> () -> r.advanceTo(epochs, ETA, MnistTrial.WEIGHT_DECAY, progress)).toList());
        }

        void parallel(List<Runnable> tasks) {
            try (ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
                List<Future<?>> fs = tasks.stream().<Future<?>>map(pool::submit).toList();
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof RuntimeException re ? re : new IllegalStateException(NAME + " failed: " + c.getMessage(), c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(NAME + " interrupted", e);
            }
        }
    }
}
