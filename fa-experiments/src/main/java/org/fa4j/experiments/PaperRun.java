package org.fa4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fa4j.core.Evaluation;
import org.fa4j.core.Model;
import org.fa4j.core.Saturation;
import org.fa4j.core.Trainer;
import org.fa4j.core.TrainingConfig;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.EpochOrder;
import org.fa4j.datasets.Seeds;
import org.fa4j.datasets.io.AtomicFiles;
import org.fa4j.simd.Linalg;

/**
 * One resumable run of the paper's MNIST protocol ({@link PaperProtocol}): a rule trained online (batch 1, constant η)
 * epoch by epoch, with its validation and test error after every epoch. After each epoch the weights go to
 * {@code <dir>/<key>-e<epoch>.model} and then the record to {@code <dir>/<key>.json} (both atomically), and the older
 * weights are deleted, so a run stopped at any point resumes from its last finished epoch and never redoes one. A
 * finished run keeps its record only.
 *
 * <p>Epoch {@code e} visits the examples in the order {@code EpochOrder.shuffled(Seeds.derive(orderSeed, "epoch", e))},
 * so the order does not depend on where the run was resumed: a run resumed after any epoch ends bit-identical to one run
 * straight through.
 */
final class PaperRun {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What a run is: its key (its file names), rule, initial scales, seeds, hidden units and the protocol it belongs to.
     * A record found on disk is resumed only if its setup is this one.
     */
    record Setup(String key, MnistRule rule, double omega, double beta, long modelSeed, long orderSeed, int hidden, String protocol) {
        Setup {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(protocol, "protocol");
            if (!key.matches("[a-z0-9.\\-]+")) {
                throw new IllegalArgumentException("run key '" + key + "': expected lower-case letters, digits, '.' and '-'");
            }
        }
    }

    /**
     * The record written after every epoch (JSON {@code fa4j-paper-run/1}).
     *
     * @param validationError error on the validation split before learning and after each epoch
     * @param testError       error on the test set at the same points (reported, never used for a choice)
     * @param seconds         training and evaluation time so far (wall seconds, summed over the sessions that ran it)
     * @param model           the weights file of the last epoch, or null at epoch 0 (drawn from the seed) and once finished
     * @param saturation      {hidden share, output share} of units saturated on the first 1000 validation images at the end, or null
     */
    record State(String format, String key, String rule, double omega, double beta, long modelSeed, long orderSeed, int hidden,
                  String protocol, double[] validationError, double[] testError, double seconds, String model, double[] saturation,
                 boolean finished) {
        static final String FORMAT = "fa4j-paper-run/1";

        /** The record of {@code s} with these errors, seconds, weights file, saturation and end mark. */
        static State of(Setup s, double[] validationError, double[] testError, double seconds, String model, double[] saturation,
                        boolean finished) {
            return new State(FORMAT, s.key(), s.rule().id, s.omega(), s.beta(), s.modelSeed(), s.orderSeed(), s.hidden(), s.protocol(),
                    validationError, testError, seconds, model, saturation, finished);
        }

        int epochs() {
            return validationError.length - 1;
        }

        boolean sameSetup(Setup s) {
            return key.equals(s.key()) && rule.equals(s.rule().id) && omega == s.omega() && beta == s.beta() && modelSeed == s.modelSeed()
                    && orderSeed == s.orderSeed() && hidden == s.hidden() && protocol.equals(s.protocol());
        }
    }

    private final Path dir;
    private final Setup setup;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private State record;

    private PaperRun(Path dir, Setup setup, Dataset train, Dataset validation, Dataset test, State record) {
        this.dir = dir;
        this.setup = setup;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.record = record;
    }

    /**
     * The run of {@code setup} in {@code dir}: resumed from its record when there is one, else started (the errors of the
     * initial weights written as epoch 0). Throws when the record on disk is for another setup or cannot be read, naming
     * the file, so that a changed protocol never mixes with an old state.
     */
    static PaperRun open(Path dir, Setup setup, Dataset train, Dataset validation, Dataset test) {
        Path file = dir.resolve(setup.key() + ".json");
        if (Files.exists(file)) {
            State r;
            try {
                r = JSON.readValue(file.toFile(), State.class);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the run record " + file + ": " + e.getMessage()
                        + " (delete it to run that run again)", e);
            }
            if (!State.FORMAT.equals(r.format()) || !r.sameSetup(setup)) {
                throw new IllegalStateException("the run record " + file + " is for another setup (" + r.rule() + ", ω " + r.omega()
                        + ", β " + r.beta() + ", protocol '" + r.protocol() + "'), not " + setup
                        + ": use another --out folder, or delete the folder's state to start again");
            }
            if (!r.finished() && r.model() != null && !Files.isRegularFile(dir.resolve(r.model()))) {
                throw new IllegalStateException("the run record " + file + " names the weights file " + r.model()
                        + ", which is missing: delete " + file + " to run that run again");
            }
            return new PaperRun(dir, setup, train, validation, test, r);
        }
        Model model = newModel(setup, train.inputSize());
        Linalg la = Linalg.defaults().withThreads(1);
        PaperRun run = new PaperRun(dir, setup, train, validation, test, null);
        // Epoch 0 keeps no weights: the initial model is drawn again from the seed.
        run.write(State.of(setup, new double[] {error(model, validation, la)}, new double[] {error(model, test, la)}, 0, null, null, false));
        return run;
    }

    /** The initial model of a setup: the network of {@link MnistTrial#spec} and the rule's feedback, from the model seed. */
    static Model newModel(Setup s, int inputs) {
        return Model.create(MnistTrial.spec(inputs, s.hidden(), s.omega(), s.rule()), s.rule().create(s.omega(), s.beta()), s.modelSeed());
    }

    Setup setup() {
        return setup;
    }

    /** Epochs finished so far. */
    int epochs() {
        return record.epochs();
    }

    boolean finished() {
        return record.finished();
    }

    /** Validation error before learning and after each finished epoch. */
    double[] validationError() {
        return record.validationError().clone();
    }

    /** Test error at the same points. */
    double[] testError() {
        return record.testError().clone();
    }

    /** Wall seconds this run has trained and evaluated, over every session. */
    double seconds() {
        return record.seconds();
    }

    /** {hidden, output} share of saturated units at the end, or null before {@link #finish}. */
    double[] saturation() {
        return record.saturation() == null ? null : record.saturation().clone();
    }

    /**
     * Trains until {@code epoch} epochs are finished (nothing if they are), saving after each one; {@code progress}
     * (may be null) advances by one unit per example.
     */
    void advanceTo(int epoch, double eta, double weightDecay, Progress progress) {
        if (record.finished()) {
            if (epoch > record.epochs()) {
                throw new IllegalStateException("run " + setup.key() + " is finished at " + record.epochs() + " epochs; asked for " + epoch);
            }
            return;
        }
        if (epoch <= record.epochs()) {
            return;
        }
        Model model = loadModel();
        Linalg la = Linalg.defaults().withThreads(1);
        TrainingConfig cfg = MnistTrial.config(eta, 1, 1, weightDecay, setup.orderSeed());
        Trainer trainer = Trainer.newBuilder(model, cfg).linalg(la).build();
        int[] perm = new int[train.size()];
        double[] val = record.validationError();
        double[] tst = record.testError();
        for (int e = record.epochs() + 1; e <= epoch; e++) {
            long t0 = System.nanoTime();
            EpochOrder.shuffled(Seeds.derive(setup.orderSeed(), "epoch", e)).next(perm);
            trainer.epoch(train.inputs(), train.targets(), perm);
            if (progress != null) {
                progress.step(train.size());
            }
            val = append(val, error(model, validation, la));
            tst = append(tst, error(model, test, la));
            save(model, val, tst, record.seconds() + (System.nanoTime() - t0) / 1e9);
            if (progress != null) {
                progress.event(String.format(java.util.Locale.ROOT, "%s, epoch %d: validation error %.2f%%, test %.2f%%", setup.key(), e,
                        100 * val[e], 100 * tst[e]));
            }
        }
    }

    /** Ends the run: measures the saturated units, writes the record without weights and deletes the weights file. */
    void finish() {
        if (record.finished()) {
            return;
        }
        Model model = loadModel();
        Linalg la = Linalg.defaults().withThreads(1);
        Saturation s = Saturation.measure(model, validation.inputs().rows(0, Math.min(1000, validation.size())), MnistTrial.SATURATED, la);
        String old = record.model();
        write(State.of(setup, record.validationError(), record.testError(), record.seconds(), null,
                new double[] {s.hiddenShare(), s.outputShare()}, true));
        delete(old);
    }

    private Model loadModel() {
        if (record.model() == null) {
            return newModel(setup, train.inputSize());
        }
        Path file = dir.resolve(record.model());
        try {
            return Model.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights of run " + setup.key() + " from " + file + ": " + e.getMessage()
                    + " (delete " + dir.resolve(setup.key() + ".json") + " to run that run again)", e);
        }
    }

    private void save(Model model, double[] val, double[] tst, double seconds) {
        int epoch = val.length - 1;
        String name = String.format(java.util.Locale.ROOT, "%s-e%04d.model", setup.key(), epoch);
        try {
            model.save(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the weights of run " + setup.key() + " to " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
        String old = record == null ? null : record.model();
        write(State.of(setup, val, tst, seconds, name, null, false));
        if (old != null && !old.equals(name)) {
            delete(old);
        }
    }

    private void write(State r) {
        Path file = dir.resolve(setup.key() + ".json");
        try {
            AtomicFiles.writeStream(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record " + file + ": " + e.getMessage(), e);
        }
        record = r;
    }

    private void delete(String name) {
        if (name == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old weights " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    static double error(Model model, Dataset d, Linalg la) {
        return Evaluation.of(model, d.inputs(), d.targets(), la).errorRate();
    }

    private static double[] append(double[] a, double v) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
