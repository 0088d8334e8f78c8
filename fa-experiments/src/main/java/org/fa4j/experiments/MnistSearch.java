package org.fa4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleFunction;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.datasets.Dataset;

/**
 * The fast protocol's validation search for one data set (PAPER.md §2.3 gives no initial scales and its η is not the
 * fast schedule's): one hyperparameter at a time, in the order of {@link #STEPS}, each a {@link GridSearch} that
 * extends its grid while the choice sits at an edge, each grid value scored by the mean final validation error over
 * {@link MnistExperiment#SEARCH_SEEDS} seeds (new initial weights, B and example order per seed). The scales ω, ω_out
 * and β are searched on a short schedule (they act from the first updates on); the peak η and shallow learning's
 * values on the whole fast schedule, because a short run favours a larger η than the full one can bear (at 3 epochs
 * BP's validation error fell all the way to η = 4.8 while FA's rose from η = 0.6). A run that two steps share (the
 * same rule, schedule, scales and seed) is trained once. Runs train on the training images left by the hold-out and
 * are scored on the held-out validation images only, never the test set. Every value's per-seed errors and every
 * choice with its reason go into the result.
 */
final class MnistSearch {
    /** The order of the one-dimensional searches; each starts from the values chosen before it. */
    static final String STEPS = "ω (BP), β (FA), ω_out (BP and FA, mean of the two), η (BP and FA; whole fast schedule), shallow ω, "
            + "shallow η (whole fast schedule)";

    private MnistSearch() {
    }

    /** One search step: the hyperparameter, its start grid, the rules that score it, and whether on the whole fast schedule. */
    private record Step(String key, String label, double[] grid, List<MnistRule> rules, boolean wholeSchedule) {
    }

    /**
     * Runs every step and returns the choice; logs each value's per-seed validation errors into {@code searchLog} and
     * each choice into {@code res}. Shallow learning's ω and η are searched only when {@code withShallow}, else they
     * keep their defaults.
     */
    static MnistChoice run(ExperimentResult res, Map<String, Object> searchLog, Dataset searchTrain, Dataset validation, int valSize,
                           MnistSchedule fast, MnistExperiment.Budget b, boolean withShallow, RunOptions o, Progress p) {
        MnistChoice c = MnistChoice.DEFAULTS;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("omega", "ω", MnistExperiment.OMEGA_GRID, List.of(MnistRule.BACKPROP), false));
        steps.add(new Step("beta", "β", MnistExperiment.BETA_GRID, List.of(MnistRule.FEEDBACK_ALIGNMENT), false));
        // BP and FA both train the output layer from ω_out, and FA's hidden signal B·δ can push its units into saturation.
        steps.add(new Step("outputOmega", "ω_out", MnistExperiment.OUTPUT_OMEGA_GRID, List.of(MnistRule.BACKPROP, MnistRule.FEEDBACK_ALIGNMENT), false));
        steps.add(new Step("eta", "η", MnistExperiment.ETA_GRID, List.of(MnistRule.BACKPROP, MnistRule.FEEDBACK_ALIGNMENT), true));
        if (withShallow) {
            steps.add(new Step("shallowOmega", "shallow ω", MnistExperiment.SHALLOW_OMEGA_GRID, List.of(MnistRule.SHALLOW), true));
            steps.add(new Step("shallowEta", "shallow η", MnistExperiment.SHALLOW_ETA_GRID, List.of(MnistRule.SHALLOW), true));
        }
        MnistSchedule search = MnistExperiment.searchSchedule(b.searchEpochs());
        MnistSchedule whole = MnistExperiment.wholeSearchSchedule(fast);
        Map<String, Double> trained = new LinkedHashMap<>(); // final validation error by run, so that no run is trained twice
        for (Step step : steps) {
            MnistChoice base = c;
            DoubleFunction<MnistChoice> apply = v -> base.with(step.key(), v);
            Map<Double, List<Double>> perSeed = new LinkedHashMap<>();
            MnistSchedule schedule = step.wholeSchedule() ? whole : search;
            GridSearch.Outcome out = GridSearch.run(step.grid(), MnistExperiment.MAX_EXTENSIONS, values -> {
                Map<String, Callable<MnistTrial>> runs = new LinkedHashMap<>();
                Map<Double, List<String>> keys = new LinkedHashMap<>();
                for (double v : values) {
                    MnistChoice cv = apply.apply(v);
                    List<String> ks = new ArrayList<>();
                    for (int s = 0; s < MnistExperiment.SEARCH_SEEDS; s++) {
                        int trial = MnistExperiment.SEARCH_TRIAL + s;
                        for (MnistRule r : step.rules()) {
                            MnistSchedule sr = cv.schedule(schedule, r);
                            MnistInit init = cv.init(r);
                            String key = r.id + " " + sr + " " + init + " trial " + trial;
                            ks.add(key);
                            if (!trained.containsKey(key)) {
                                runs.put(key, () -> MnistTrial.run(searchTrain, validation, r, sr, init, o.seed(), trial, b.hidden(), false, p));
                            }
                        }
                    }
                    keys.put(v, ks);
                }
                List<MnistTrial> done = inParallel(new ArrayList<>(runs.values()), o.threads());
                int k = 0;
                for (String key : runs.keySet()) {
                    MnistTrial t = done.get(k++);
                    trained.put(key, t == null ? 1.0 : t.finalError()); // a diverged run counts as 100% error
                }
                Map<Double, Double> scores = new LinkedHashMap<>();
                for (double v : values) {
                    List<Double> errors = keys.get(v).stream().map(trained::get).toList();
                    perSeed.put(v, errors);
                    scores.put(v, errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                }
                return scores;
            });
            c = apply.apply(out.best());
            Map<String, Object> log = new LinkedHashMap<>();
            for (double v : out.grid()) {
                Map<String, Object> point = new LinkedHashMap<>(); // in this order in the JSON
                point.put("meanValidationError", out.scores().get(v));
                point.put("perSeedAndRule", perSeed.get(v));
                log.put(String.valueOf(v), point);
            }
            searchLog.put(step.key(), log);
            res.choice(step.key(), describe(step, out, schedule, searchTrain.size(), valSize));
        }
        res.metric("validationSearch", searchLog);
        return c;
    }

    private static String describe(Step step, GridSearch.Outcome out, MnistSchedule schedule, int trainSize, int valSize) {
        StringBuilder scores = new StringBuilder();
        for (double v : out.grid()) {
            scores.append(scores.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s: %.2f%%", v, 100 * out.scores().get(v)));
        }
        return String.format(Locale.ROOT, "%s = %s, by %s mean validation error over %d seeds (schedule %s at each run's own η) "
                        + "on %d training images, validation on the other %d: %s%s%s", step.label(), out.best(),
                String.join(" and ", step.rules().stream().map(r -> r.id).toList()), MnistExperiment.SEARCH_SEEDS, schedule.describe(),
                trainSize, valSize, scores, out.extensions() == 0 ? "" : "; grid extended " + out.extensions() + " time(s)",
                out.atEdge() ? "; still at the grid's edge after " + out.extensions() + " extensions (the limit)" : "");
    }

    /**
     * Runs independent search trials on {@code threads} threads; the results in the order given (each run is
     * deterministic), {@code null} for a run that diverged (it then loses the search).
     */
    private static List<MnistTrial> inParallel(List<Callable<MnistTrial>> runs, int threads) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, runs.size())))) {
            List<Future<MnistTrial>> fs = new ArrayList<>();
            for (Callable<MnistTrial> r : runs) {
                fs.add(pool.submit(r));
            }
            List<MnistTrial> out = new ArrayList<>();
            for (Future<MnistTrial> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TrainingDivergedException)) {
                        pool.shutdownNow(); // do not wait for the other runs before reporting
                        throw e;
                    }
                    out.add(null);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validation search failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
