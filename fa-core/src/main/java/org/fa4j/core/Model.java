package org.fa4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fa4j.core.rule.FeedbackSetup;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.Parameters;
import org.fa4j.datasets.SeedStream;
import org.fa4j.datasets.Seeds;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * A network's state: forward weights {@code W_l}, biases, the permanent sparsity masks, and the feedback matrices
 * {@code B_l} its {@link LearningRule} keeps (for feedback alignment {@code B_l} is {@code units_{l−1} × units_l}, the
 * shape of {@code W_lᵀ}, PAPER §1.6).
 *
 * <p>Storage: {@code W_l} is kept <em>input-major</em>, as {@code W_lᵀ} ({@code units_{l−1} × units_l}), which
 * {@link #weightsTransposed(int)} returns live. Then the forward pass is {@code H = X·W_lᵀ}, the update is
 * {@code W_lᵀ += η Xᵀ δ}, and — the reason for this layout — a sparse input (MNIST pixels are ~80% zeros) touches only
 * the rows of {@code W_lᵀ} of its non-zero inputs. {@link #weights(int)} gives {@code W_l} in the paper's layout
 * ({@code units_l × units_{l−1}}, {@code W_0} is {@code n_h × n_i}) as a copy, and files store that layout.
 *
 * <p>{@link #create} draws the forward weights from the {@link SeedStream#FORWARD_INIT} stream and the feedback
 * matrices from {@link SeedStream#FEEDBACK}, so models created with the same spec and seed but different rules start
 * from identical forward weights. The matrices returned by the accessors are the live parameters (a {@link Trainer}
 * updates them in place). Save and load with {@link #save(Path)} and {@link #load(Path)}: versioned JSON, bit-exact.
 *
 * <p>Not thread-safe: one trainer at a time.
 */
public final class Model {
    private final NetworkSpec spec;
    private final LearningRule rule;
    private final long seed;
    /** {@code W_lᵀ}, {@code units_{l−1} × units_l} (input-major). */
    final Matrix[] wt;
    final Matrix[] b;
    /** Masks in the layout of {@link #wt}. */
    final Matrix[] wtMask;
    final Matrix[] fb;
    final Matrix[] fbMask;
    private TrainingConfig lastTraining;
    private Parameters ruleState;

    Model(NetworkSpec spec, LearningRule rule, long seed, Matrix[] wt, Matrix[] b, Matrix[] wtMask, Matrix[] fb,
          Matrix[] fbMask, TrainingConfig lastTraining, Parameters ruleState) {
        this.spec = spec;
        this.rule = rule;
        this.seed = seed;
        this.wt = wt;
        this.b = b;
        this.wtMask = wtMask;
        this.fb = fb;
        this.fbMask = fbMask;
        this.lastTraining = lastTraining;
        this.ruleState = Objects.requireNonNull(ruleState, "ruleState");
        rule.checkNetwork(spec);
        for (int l = 1; l < spec.depth(); l++) {
            rule.checkFeedback(spec, l, fb[l]);
        }
    }

    /**
     * A new model: forward weights drawn from {@link NetworkSpec#initOf} (stream {@link SeedStream#FORWARD_INIT}), biases 0,
     * feedback matrices as the rule needs them (stream {@link SeedStream#FEEDBACK}).
     */
    public static Model create(NetworkSpec spec, LearningRule rule, long seed) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(rule, "rule");
        rule.checkNetwork(spec);
        SplittableRandom fwd = Seeds.random(seed, SeedStream.FORWARD_INIT);
        int depth = spec.depth();
        Matrix[] w = new Matrix[depth];
        Matrix[] b = new Matrix[depth];
        Matrix[] wMask = new Matrix[depth];
        for (int l = 0; l < depth; l++) {
            LayerSpec ls = spec.layers().get(l);
            int in = spec.units(l - 1);
            int out = ls.units();
            // drawn in the paper's layout (row by row of W_l), stored transposed
            Matrix wl = spec.initOf(l).matrix(out, in, in, out, fwd);
            b[l] = ls.bias() ? Matrix.zeros(1, out) : null;
            if (ls.sparsity() > 0) {
                Matrix mask = Init.removalMask(out, in, ls.sparsity(), fwd);
                Ops.hadamardScalar(wl, mask);
                wMask[l] = mask.transpose();
            }
            w[l] = wl.transpose();
        }
        Matrix[] fb = new Matrix[depth];
        Matrix[] fbMask = new Matrix[depth];
        drawFeedback(rule, spec, w, Seeds.random(seed, SeedStream.FEEDBACK), fb, fbMask);
        return new Model(spec, rule, seed, w, b, wMask, fb, fbMask, null, Parameters.empty());
    }

    /**
     * Lets {@code rule} draw the feedback matrices (and masks) of layers {@code 1 .. depth − 1}, in order, from
     * {@code random}; {@code wt} are the forward weights as stored, {@code W_lᵀ} (sign symmetry derives {@code B} from
     * them).
     */
    static void drawFeedback(LearningRule rule, NetworkSpec spec, Matrix[] wt, SplittableRandom random, Matrix[] fb,
                             Matrix[] fbMask) {
        for (int l = 1; l < spec.depth(); l++) {
            rule.drawFeedback(new Setup(l, spec, wt[l], random, fb, fbMask));
        }
    }

    /** One layer of {@link #drawFeedback}. */
    private record Setup(int layer, NetworkSpec spec, Matrix weightsTransposed, SplittableRandom random, Matrix[] fb,
                         Matrix[] fbMask) implements FeedbackSetup {
        @Override
        public void setFeedback(Matrix feedback) {
            fb[layer] = Objects.requireNonNull(feedback, "feedback");
        }

        @Override
        public void setFeedbackMask(Matrix mask) {
            if (fb[layer] == null) {
                throw new IllegalStateException("layer " + layer + ": set the feedback matrix before its mask");
            }
            fbMask[layer] = Objects.requireNonNull(mask, "mask");
            Ops.hadamardScalar(fb[layer], mask);
        }
    }

    /** The architecture. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The learning rule this model was created for (it decides which feedback matrices exist). */
    public LearningRule rule() {
        return rule;
    }

    /** The seed the initial weights were drawn from. */
    public long seed() {
        return seed;
    }

    /** Number of weight layers. */
    public int depth() {
        return wt.length;
    }

    /**
     * A copy of {@code W_l} in the paper's layout, {@code units_l × units_{l−1}} (row {@code j} holds the incoming
     * weights of unit {@code j}; for MNIST a row of {@code W_0} reshaped to 28×28 is a receptive field). To change
     * weights use {@link #weightsTransposed(int)} or {@link #setWeights(int, Matrix)}.
     */
    public Matrix weights(int layer) {
        return wt[Objects.checkIndex(layer, wt.length)].transpose();
    }

    /** The live storage {@code W_lᵀ}, {@code units_{l−1} × units_l}: element {@code (i, j)} is {@code W_l(j, i)}. */
    public Matrix weightsTransposed(int layer) {
        return wt[Objects.checkIndex(layer, wt.length)];
    }

    /** Sets {@code W_l} from a matrix in the paper's layout ({@code units_l × units_{l−1}}); removed weights stay 0. */
    public void setWeights(int layer, Matrix w) {
        Matrix t = wt[Objects.checkIndex(layer, wt.length)];
        if (w.rows() != t.cols() || w.cols() != t.rows()) {
            throw new IllegalArgumentException("layer " + layer + " weights are " + t.cols() + "x" + t.rows() + ", got " + w.shape());
        }
        t.copyFrom(w.transpose());
        if (wtMask[layer] != null) {
            Ops.hadamardScalar(t, wtMask[layer]);
        }
    }

    /** The live bias {@code b_l} ({@code 1 × units_l}), if the layer has one. */
    public Optional<Matrix> bias(int layer) {
        return Optional.ofNullable(b[Objects.checkIndex(layer, b.length)]);
    }

    /** A copy of the permanent 0/1 mask of {@code W_l} ({@code units_l × units_{l−1}}), if part of it was removed. */
    public Optional<Matrix> weightMask(int layer) {
        return Optional.ofNullable(wtMask[Objects.checkIndex(layer, wtMask.length)]).map(Matrix::transpose);
    }

    /**
     * The live feedback matrix {@code B_l} that carries layer {@code l}'s error down to layer {@code l − 1}, if the rule
     * keeps one ({@code units_{l−1} × units_l} for feedback alignment; none for layer 0).
     */
    public Optional<Matrix> feedback(int layer) {
        return Optional.ofNullable(fb[Objects.checkIndex(layer, fb.length)]);
    }

    /** The permanent 0/1 mask of {@code B_l}, if part of it was removed. */
    public Optional<Matrix> feedbackMask(int layer) {
        return Optional.ofNullable(fbMask[Objects.checkIndex(layer, fbMask.length)]);
    }

    /** The rule's own state, saved with the model (empty unless the rule keeps one). */
    public Parameters ruleState() {
        return ruleState;
    }

    void ruleState(Parameters state) {
        this.ruleState = Objects.requireNonNull(state, "state");
    }

    /** The last configuration a {@link Trainer} trained this model with, if any (saved with the model). */
    public Optional<TrainingConfig> lastTraining() {
        return Optional.ofNullable(lastTraining);
    }

    void lastTraining(TrainingConfig config) {
        this.lastTraining = config;
    }

    /**
     * The network's outputs for the rows of {@code inputs}, in a new matrix ({@code rows × outputs}); for softmax
     * cross-entropy these are the probabilities. Allocates; for training use a {@link Trainer}.
     */
    public Matrix predict(Matrix inputs, Linalg linalg) {
        Matrix out = Matrix.zeros(inputs.rows(), spec.outputs());
        Workspace.predict(this, inputs, out, linalg);
        return out;
    }

    /** A deep copy (parameters, masks and feedback matrices). */
    public Model copy() {
        return new Model(spec, rule, seed, copyAll(wt), copyAll(b), copyAll(wtMask), copyAll(fb), copyAll(fbMask), lastTraining, ruleState);
    }

    private static Matrix[] copyAll(Matrix[] ms) {
        Matrix[] c = new Matrix[ms.length];
        for (int i = 0; i < ms.length; i++) {
            c[i] = ms[i] == null ? null : ms[i].copy();
        }
        return c;
    }

    /** True when both models have equal specs, rules, seeds and rule states and bit-identical parameters, masks and feedback. */
    public boolean contentEquals(Model o) {
        return spec.equals(o.spec) && rule.equals(o.rule) && seed == o.seed && Objects.equals(lastTraining, o.lastTraining)
                && ruleState.equals(o.ruleState)
                && same(wt, o.wt) && same(b, o.b) && same(wtMask, o.wtMask) && same(fb, o.fb) && same(fbMask, o.fbMask);
    }

    private static boolean same(Matrix[] a, Matrix[] c) {
        if (a.length != c.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if ((a[i] == null) != (c[i] == null) || (a[i] != null && !a[i].contentEquals(c[i]))) {
                return false;
            }
        }
        return true;
    }

    /** This model as versioned JSON (format {@code fa4j-model}, version 1); floats stored bit-exactly. */
    public String toJson() {
        return ModelJson.write(this);
    }

    /** A model read from {@link #toJson()} output. */
    public static Model fromJson(String json) {
        return ModelJson.read(json);
    }

    /** Writes {@link #toJson()} to {@code file} atomically (temporary file, then move). */
    public void save(Path file) throws IOException {
        ModelJson.save(this, file);
    }

    /** Reads a model saved by {@link #save(Path)}. */
    public static Model load(Path file) throws IOException {
        return ModelJson.load(file);
    }

    @Override
    public String toString() {
        return "Model[" + spec.sizes() + ", " + rule.name() + ", seed " + seed + "]";
    }
}
