package org.fa4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fa4j.core.LearningRateSchedule;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.Split;
import org.fa4j.datasets.TrainTest;
import org.fa4j.experiments.MnistSchedule;
import org.fa4j.experiments.MnistValidation;

/**
 * The validation study that fixes the MNIST experiments' fast schedule and Kolen–Pollack's λ. Trains on the 50 000
 * training images left after the experiments' hold-out (10 000 images, seed = master seed 1411024) and evaluates on
 * those 10 000 validation images only — never the test set. One thread, trial seed 9000 (the search's).
 *
 * <p>Usage: {@code MnistScheduleStudy DATA_DIR EPOCHS KP_EPOCHS ETA:SCHEDULE...} (e.g. {@code data 20 3 0.2:constant
 * 0.4:linear}); prints one line per run (validation error per epoch; a diverged run counts as 100%) and the choices.
 * {@code -Domega=}, {@code -Dbeta=}, {@code -Dtrial=} and {@code -Drules=bp,fa} change the study's ω, β, trial seed
 * and rules.
 */
public final class MnistScheduleStudy {
    private MnistScheduleStudy() {
    }

    /** Runs the study; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("mnist");
        int epochs = Integer.parseInt(args[1]);
        int kpEpochs = Integer.parseInt(args[2]);
        List<MnistSchedule> grid = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] a = args[i].split(":", 2);
            grid.add(new MnistSchedule("fast", Float.parseFloat(a[0]), 10, epochs, LearningRateSchedule.named(a[1])));
        }
        long seed = 1411024L;
        double omega = Double.parseDouble(System.getProperty("omega", "0.1")); // the studies' ω; fig2 searches its own
        double beta = Double.parseDouble(System.getProperty("beta", "0.5"));
        int trial = Integer.parseInt(System.getProperty("trial", String.valueOf(MnistValidation.SEARCH_TRIAL)));
        List<String> rules = Arrays.asList(System.getProperty("rules", "bp,fa").split(","));
        TrainTest data = Mnist.load(dir);
        Split held = MnistValidation.split(data.train(), seed);
        Dataset train = held.train();
        Dataset val = held.validation();
        System.out.printf(Locale.ROOT, "train %d, validation %d, omega %s, beta %s, hidden %d%n", train.size(), val.size(), omega, beta,
                MnistValidation.HIDDEN);
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, MnistSchedule> schedules = new LinkedHashMap<>();
        for (MnistSchedule s : grid) {
            double sum = 0;
            for (String r : rules) {
                long t0 = System.nanoTime();
                try {
                    double[] errors = MnistValidation.errors(train, val, r, s, omega, beta, seed, trial);
                    double last = errors[errors.length - 1];
                    sum += last;
                    System.out.printf(Locale.ROOT, "%-4s %-30s final %.2f%%  (%.0f s)  per epoch %s%n", r, s.describe(), 100 * last,
                            (System.nanoTime() - t0) / 1e9, percent(errors));
                } catch (RuntimeException e) {
                    sum += 1;
                    System.out.printf(Locale.ROOT, "%-4s %-30s diverged: %s%n", r, s.describe(), e.getMessage());
                }
            }
            score.put(s.describe(), 100 * sum / 2);
            schedules.put(s.describe(), s);
            System.out.printf(Locale.ROOT, "     %-30s mean of BP and FA %.3f%%%n", s.describe(), 100 * sum / 2);
        }
        String best = score.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.printf(Locale.ROOT, "CHOSEN %s (mean BP/FA validation error %.3f%%)%n", best, score.get(best));
        MnistSchedule chosen = schedules.get(best).withEpochs(kpEpochs);
        for (double lambda : new double[] {0, 1e-5, 1e-4, 1e-3, 1e-2}) {
            long t0 = System.nanoTime();
            try {
                double[] errors = MnistValidation.errors(train, val, "kolen-pollack", chosen, omega, beta, seed,
                        MnistValidation.SEARCH_TRIAL, MnistValidation.WEIGHT_DECAY + lambda);
                System.out.printf(Locale.ROOT, "kp   lambda %-8s %-30s final %.2f%%  (%.0f s)  per epoch %s%n", lambda, chosen.describe(),
                        100 * errors[errors.length - 1], (System.nanoTime() - t0) / 1e9, percent(errors));
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "kp   lambda %-8s diverged: %s%n", lambda, e.getMessage());
            }
        }
    }

    private static String percent(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(String.format(Locale.ROOT, "%.2f ", 100 * x));
        }
        return b.toString().trim();
    }
}
