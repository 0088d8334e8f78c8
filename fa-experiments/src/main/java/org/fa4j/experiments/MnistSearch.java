package org.fa4j.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fa4j.core.TrainingDivergedException;
import org.fa4j.datasets.Dataset;

/**
 * fig2's validation search (PAPER.md §2.3 gives no initial scales): ω by BP and shallow learning's own ω, then β by FA
 * at the chosen ω, each grid point one run on the training images left by the hold-out, scored on the held-out
 * validation images only (never the test set). The choices and their reasons go into the result.
 */
final class MnistSearch {
    private MnistSearch() {
    }

    /**
     * Runs both rounds and returns the chosen scales; logs every grid point's validation curve into {@code searchLog}
     * and the choices into {@code res}. Shallow learning's ω is searched only when {@code withShallow}, else it keeps
     * {@link MnistExperiment#DEFAULT_SHALLOW_OMEGA}.
     */
    static MnistInit run(ExperimentResult res, Map<String, Object> searchLog, Dataset searchTrain, Dataset validation, int valSize,
                         MnistSchedule fast, MnistExperiment.Budget b, boolean withShallow, RunOptions o, Progress p) {
        double shallowOmega = MnistExperiment.DEFAULT_SHALLOW_OMEGA;
        // Round 1, in parallel: BP over the ω grid (short search schedule) and shallow learning over its own ω grid
        // (the whole fast schedule: at 3 epochs shallow's ranking misleads, see MnistExperiment.SHALLOW_OMEGA_STUDY).
        MnistSchedule bpSearch = MnistExperiment.searchSchedule(b.searchEpochs());
        MnistSchedule shallowSearch = MnistExperiment.forRule(fast, MnistRule.SHALLOW);
        List<Callable<MnistTrial>> round1 = new ArrayList<>();
        for (double w : MnistExperiment.OMEGA_GRID) {
            round1.add(() -> MnistTrial.run(searchTrain, validation, MnistRule.BACKPROP, bpSearch, w, MnistExperiment.DEFAULT_BETA,
                    o.seed(), MnistExperiment.SEARCH_TRIAL, b.hidden(), false, p));
        }
        if (withShallow) {
            for (double w : MnistExperiment.SHALLOW_OMEGA_GRID) {
                round1.add(() -> MnistTrial.run(searchTrain, validation, MnistRule.SHALLOW, shallowSearch, w, MnistExperiment.DEFAULT_BETA,
                        o.seed(), MnistExperiment.SEARCH_TRIAL, b.hidden(), false, p));
            }
        }
        List<MnistTrial> r1 = inParallel(round1, o.threads());
        double omega = MnistExperiment.OMEGA_GRID[best(r1.subList(0, MnistExperiment.OMEGA_GRID.length))];
        log(searchLog, "bp omega=", MnistExperiment.OMEGA_GRID, r1);
        if (withShallow) {
            List<MnistTrial> sh = r1.subList(MnistExperiment.OMEGA_GRID.length, r1.size());
            shallowOmega = MnistExperiment.SHALLOW_OMEGA_GRID[best(sh)];
            log(searchLog, "shallow omega=", MnistExperiment.SHALLOW_OMEGA_GRID, sh);
            res.choice("shallowOmega", "shallow learning's ω = " + shallowOmega + " from " + Arrays.toString(MnistExperiment.SHALLOW_OMEGA_GRID)
                    + " by shallow validation error after the whole fast schedule (" + shallowSearch.describe() + ", its own peak η). "
                    + MnistExperiment.SHALLOW_OMEGA_STUDY);
        }
        // Round 2, in parallel: FA over the β grid at the chosen ω.
        double w1 = omega;
        List<Callable<MnistTrial>> round2 = new ArrayList<>();
        for (double be : MnistExperiment.BETA_GRID) {
            round2.add(() -> MnistTrial.run(searchTrain, validation, MnistRule.FEEDBACK_ALIGNMENT, bpSearch, w1, be,
                    o.seed(), MnistExperiment.SEARCH_TRIAL, b.hidden(), false, p));
        }
        List<MnistTrial> r2 = inParallel(round2, o.threads());
        double beta = MnistExperiment.BETA_GRID[best(r2)];
        log(searchLog, "fa beta=", MnistExperiment.BETA_GRID, r2);
        res.metric("validationSearch", searchLog);
        res.choice("omega", "ω = " + omega + " from " + Arrays.toString(MnistExperiment.OMEGA_GRID) + " by BP validation error after "
                + b.searchEpochs() + " epoch(s) (" + bpSearch.describe() + ": the fast schedule's peak η, one epoch of warm-up as "
                + "in the full schedule, then linear decay to 0) on " + searchTrain.size()
                + " training images (validation: the other " + valSize + "); FA and sparse FA share BP's ω.");
        res.choice("beta", "β = " + beta + " from " + Arrays.toString(MnistExperiment.BETA_GRID) + " by FA validation error (same protocol).");
        return new MnistInit(omega, shallowOmega, beta);
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

    /** Logs each grid point's validation curve (the first {@code grid.length} runs) under "prefix + value", or "diverged". */
    private static void log(Map<String, Object> searchLog, String prefix, double[] grid, List<MnistTrial> runs) {
        for (int i = 0; i < grid.length; i++) {
            searchLog.put(prefix + grid[i], runs.get(i) == null ? "diverged" : runs.get(i).errors());
        }
    }

    /** The index of the run with the lowest final validation error (the first on a tie). */
    private static int best(List<MnistTrial> runs) {
        int best = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i) != null && (best < 0 || runs.get(i).finalError() < runs.get(best).finalError())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("validation search: every run of the grid diverged");
        }
        return best;
    }

}
