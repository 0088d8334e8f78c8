package org.fa4j.analysis.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fa4j.core.LearningRateSchedule;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.Mnist;
import org.fa4j.datasets.Split;
import org.fa4j.datasets.TrainTest;

/**
 * Not a test: the validation study that fixed MnistExperiment's fast schedule and Kolen–Pollack's λ. Trains on the
 * 50 000 training images left after MnistExperiment's hold-out (10 000 images, seed = master seed 1411024) and
 * evaluates on those 10 000 validation images only — never the test set. One thread, trial seed 9000 (the search's).
 * Usage: {@code MnistScheduleStudy DATA_DIR EPOCHS KP_EPOCHS ETA:SCHEDULE...} (e.g. {@code data 20 3 0.2:constant
 * 0.4:linear}); prints one line per run (validation error per epoch; a diverged run counts as 100%) and the choices.
 */
public final class MnistScheduleStudy {
    private MnistScheduleStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("mnist");
        int epochs = Integer.parseInt(args[1]);
        int kpEpochs = Integer.parseInt(args[2]);
        List<Schedule> grid = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] a = args[i].split(":", 2);
            grid.add(new Schedule("fast", Float.parseFloat(a[0]), 10, epochs, LearningRateSchedule.named(a[1])));
        }
        long seed = 1411024L;
        double omega = Double.parseDouble(System.getProperty("omega", "0.1")); // -Domega=… (the default is the studies' ω; fig2 searches its own)
        double beta = Double.parseDouble(System.getProperty("beta", "0.5")); // -Dbeta=… for a β check
        int trial = Integer.parseInt(System.getProperty("trial", "9000")); // -Dtrial=… for a check on other initial weights
        TrainTest data = Mnist.load(dir);
        Split held = data.train().holdOut(MnistExperiment.VALIDATION, seed);
        Dataset train = held.train();
        Dataset val = held.validation();
        System.out.printf(Locale.ROOT, "train %d, validation %d, omega %s, beta %s, hidden %d%n", train.size(), val.size(), omega, beta,
                MnistTrial.HIDDEN);
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        for (Schedule s : grid) {
            double sum = 0;
            for (MnistRule r : java.util.Arrays.stream(System.getProperty("rules", "bp,fa").split(",")).map(MnistRule::of).toList()) {
                long t0 = System.nanoTime();
                try {
                    MnistTrial t = MnistTrial.run(train, val, r, s, omega, beta, seed, trial, MnistTrial.HIDDEN, false, null);
                    sum += t.finalError();
                    System.out.printf(Locale.ROOT, "%-4s %-30s final %.2f%%  (%.0f s)  per epoch %s%n", r.id, s.describe(), 100 * t.finalError(),
                            (System.nanoTime() - t0) / 1e9, percent(t.errors()));
                } catch (RuntimeException e) {
                    sum += 1;
                    System.out.printf(Locale.ROOT, "%-4s %-30s diverged: %s%n", r.id, s.describe(), e.getMessage());
                }
            }
            score.put(s.describe(), 100 * sum / 2);
            schedules.put(s.describe(), s);
            System.out.printf(Locale.ROOT, "     %-30s mean of BP and FA %.3f%%%n", s.describe(), 100 * sum / 2);
        }
        String best = score.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.printf(Locale.ROOT, "CHOSEN %s (mean BP/FA validation error %.3f%%)%n", best, score.get(best));
        Schedule chosen = schedules.get(best).withEpochs(kpEpochs);
        for (double lambda : new double[] {0, 1e-5, 1e-4, 1e-3, 1e-2}) {
            long t0 = System.nanoTime();
            try {
                MnistTrial t = MnistTrial.run(train, val, MnistRule.KOLEN_POLLACK, chosen, omega, beta, seed, 9_000, MnistTrial.HIDDEN, false,
                        null, MnistTrial.WEIGHT_DECAY + lambda);
                System.out.printf(Locale.ROOT, "kp   lambda %-8s %-30s final %.2f%%  (%.0f s)  per epoch %s%n", lambda, chosen.describe(),
                        100 * t.finalError(), (System.nanoTime() - t0) / 1e9, percent(t.errors()));
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
