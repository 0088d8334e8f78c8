package org.fa4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fa4j.core.rule.LearningRule;
import org.fa4j.core.rule.RuleEngine;
import org.fa4j.datasets.Dataset;
import org.fa4j.datasets.EpochOrder;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * Trains a {@link Model} with its {@link LearningRule} by SGD (see {@link TrainingConfig} for the exact update).
 *
 * <p>Data are a caller's {@link Matrix} pair: row {@code i} of {@code inputs} ({@code n × inputs}) goes with row
 * {@code i} of {@code targets} ({@code n × outputs}). {@link #fit} runs {@code config.epochs()} epochs, each in a fresh
 * permutation from {@link EpochOrder#shuffled(long) EpochOrder.shuffled(config.seed())} (or in index order when
 * {@code shuffle} is off); {@link #epoch} takes the caller's order; {@link #step} makes one update on given rows. The
 * last batch of an epoch may be smaller.
 *
 * <p>Learning-rate schedule: update {@code t} (the 0-based {@link #steps()} count) uses
 * {@code η_t = config.schedule().rate(η, t, T)} with the horizon {@code T = config.epochs() · ⌈n / batchSize⌉} for the
 * {@code n} rows given to {@link #fit} (or the length of the order given to {@link #epoch}, for callers that run the
 * epochs themselves); {@link #step} uses the horizon of the last {@code fit}/{@code epoch} call and, with a
 * non-constant schedule, throws {@link IllegalStateException} if there was none. The constant default reproduces the
 * fixed-η arithmetic bit for bit.
 *
 * <p>Sparse inputs: when at most 35% of a batch's inputs are non-zero (MNIST pixels: ~19%), layer 0 skips the zeros —
 * the forward product and the weight update touch only the rows of {@code W_0ᵀ} of non-zero inputs (same sums without
 * their exact-zero terms, different rounding order than the GEMM), through fa-simd's
 * {@link Linalg#gemmSparse} and {@link Linalg#gemmSparseTransA}, which split large products between the Linalg's
 * threads (bit-identical to 1 thread).
 *
 * <p>A step allocates nothing once warmed up: workspaces are allocated on first use for each batch size (the last two
 * sizes are kept). Results depend only on the seeds and the data, not on the {@link Linalg}'s thread count. Every step
 * checks the loss and the deltas, and every epoch the parameters, for NaN/Inf, and throws
 * {@link TrainingDivergedException} naming the step, layer and quantity.
 *
 * <pre>{@code
 * Trainer t = Trainer.newBuilder(model, config).linalg(Linalg.defaults()).listener(new ProgressListener(System.out::println)).build();
 * TrainingSummary s = t.fit(trainX, trainY);
 * }</pre>
 */
public final class Trainer {
    private final Model model;
    private final TrainingConfig config;
    private final Linalg la;
    private final TrainingListener[] listeners;
    private final RuleEngine engine;
    private final EpochOrder order;
    private final StepContext context;
    private final TrainingStep state;
    private final Diagnostics diagnostics;
    /** α + λ: the config's weight decay and the rule's own. */
    private final double alpha;
    private final float decay;
    private final boolean constantRate;
    /** T: updates in the whole run, for the schedule; 0 until known. */
    private long horizon;
    private Workspace ws1;
    private Workspace ws2;
    private long steps;
    private int epochs;
    private int currentEpoch = -1;
    /** Inputs with at most this fraction of non-zeros take the sparse path in layer 0; negative disables it. */
    double sparseMaxDensity = SPARSE_MAX_DENSITY;
    static final double SPARSE_MAX_DENSITY = 0.35;

    private Trainer(Builder b) {
        this.model = b.model;
        this.config = b.config;
        this.la = b.linalg;
        this.listeners = b.listeners.toArray(new TrainingListener[0]);
        this.engine = model.rule().engine(new EngineContext(model, config.seed(), 0));
        this.state = new TrainingStep(model, la);
        this.order = config.shuffle() ? EpochOrder.shuffled(config.seed()) : EpochOrder.inOrder();
        this.diagnostics = new Diagnostics(model, la);
        this.context = new StepContext(model, diagnostics, state);
        this.alpha = config.weightDecay() + model.rule().extraWeightDecay();
        this.decay = (float) (1 - config.learningRate() * alpha);
        this.constantRate = config.schedule() instanceof LearningRateSchedule.Constant;
        model.lastTraining(config);
    }

    /** A builder for training {@code model} with {@code config}. */
    public static Builder newBuilder(Model model, TrainingConfig config) {
        return new Builder(model, config);
    }

    /** Builds {@link Trainer}s. */
    public static final class Builder {
        private final Model model;
        private final TrainingConfig config;
        private Linalg linalg = Linalg.defaults();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(Model model, TrainingConfig config) {
            this.model = Objects.requireNonNull(model, "model");
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The kernels (thread count, path); default {@link Linalg#defaults()}. */
        public Builder linalg(Linalg linalg) {
            this.linalg = Objects.requireNonNull(linalg, "linalg");
            return this;
        }

        /** Adds a listener; listeners run in the order added. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** A new trainer. */
        public Trainer build() {
            return new Trainer(this);
        }
    }

    /** The model being trained. */
    public Model model() {
        return model;
    }

    /** The configuration. */
    public TrainingConfig config() {
        return config;
    }

    /** Updates made so far. */
    public long steps() {
        return steps;
    }

    /** Epochs completed so far. */
    public int epochs() {
        return epochs;
    }

    /**
     * Runs {@code config.epochs()} epochs over {@code data}'s examples (its inputs and its targets, e.g. MNIST's one-hot
     * labels), then calls {@code onEnd}.
     */
    public TrainingSummary fit(Dataset data) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("training needs targets; " + data + " has none");
        }
        return fit(data.inputs(), data.targets());
    }

    /** Runs {@code config.epochs()} epochs over the rows of {@code inputs} and {@code targets}, then calls {@code onEnd}. */
    public TrainingSummary fit(Matrix inputs, Matrix targets) {
        checkData(inputs, targets);
        long t0 = System.nanoTime();
        int n = inputs.rows();
        horizon = horizonFor(n);
        int[] perm = new int[n];
        List<EpochSummary> history = new ArrayList<>();
        for (int e = 0; e < config.epochs(); e++) {
            order.next(perm);
            history.add(epoch(inputs, targets, perm));
        }
        TrainingSummary summary = new TrainingSummary(history, steps, System.nanoTime() - t0);
        for (TrainingListener l : listeners) {
            l.onEnd(summary);
        }
        return summary;
    }

    /** One epoch visiting the rows in {@code order} (a permutation or any index sequence), in batches of {@code batchSize}. */
    public EpochSummary epoch(Matrix inputs, Matrix targets, int[] order) {
        checkData(inputs, targets);
        for (int i = 0; i < order.length; i++) {
            Objects.checkIndex(order[i], inputs.rows());
        }
        long t0 = System.nanoTime();
        if (order.length > 0) {
            horizon = horizonFor(order.length);
        }
        currentEpoch = epochs;
        double total;
        try {
            total = stepsInOrder(inputs, targets, order);
        } finally {
            currentEpoch = -1;
        }
        checkParameters();
        EpochSummary summary = new EpochSummary(epochs + 1, steps, order.length, order.length == 0 ? Double.NaN : total / order.length,
                System.nanoTime() - t0);
        epochs++;
        for (TrainingListener l : listeners) {
            l.onEpoch(summary);
        }
        return summary;
    }

    /** The steps of one epoch: batches of {@code batchSize} rows in {@code order}; returns the summed loss. */
    double stepsInOrder(Matrix inputs, Matrix targets, int[] order) {
        int k = config.batchSize();
        double total = 0;
        for (int s = 0; s < order.length; s += k) {
            int r = Math.min(k, order.length - s);
            Workspace ws = workspace(r);
            ws.x.copyRowsFrom(inputs, order, s);
            ws.target.copyRowsFrom(targets, order, s);
            total += run(ws);
        }
        return total;
    }

    /** One update on all rows of {@code inputs}/{@code targets} (the batch); returns the batch loss before the update. */
    public double step(Matrix inputs, Matrix targets) {
        checkData(inputs, targets);
        Workspace ws = workspace(inputs.rows());
        ws.x.copyRowsFrom(inputs, 0);
        ws.target.copyRowsFrom(targets, 0);
        return run(ws);
    }

    /** T = epochs · ⌈n / batchSize⌉ (at least 1). */
    private long horizonFor(int n) {
        long perEpoch = (n + (long) config.batchSize() - 1) / config.batchSize();
        return Math.max(1, perEpoch * Math.max(1, config.epochs()));
    }

    /** The learning rate η_t of the next update (step {@link #steps()}), as the schedule gives it (before float rounding). */
    public double learningRate() {
        if (constantRate) {
            return config.learningRate();
        }
        if (horizon == 0) {
            throw new IllegalStateException("schedule " + config.schedule().id() + " needs the run's length: call fit or epoch before step");
        }
        return config.schedule().rate(config.learningRate(), steps, horizon);
    }

    private void checkData(Matrix inputs, Matrix targets) {
        NetworkSpec spec = model.spec();
        if (inputs.cols() != spec.inputs() || targets.cols() != spec.outputs() || inputs.rows() != targets.rows() || inputs.rows() == 0) {
            throw new IllegalArgumentException("inputs are " + inputs.shape() + " and targets " + targets.shape() + "; the network "
                    + spec.sizes() + " needs n x " + spec.inputs() + " inputs and n x " + spec.outputs() + " targets with n >= 1");
        }
    }

    private Workspace workspace(int batch) {
        if (ws1 != null && ws1.batch == batch) {
            return ws1;
        }
        if (ws2 != null && ws2.batch == batch) {
            Workspace t = ws2;
            ws2 = ws1;
            ws1 = t;
            return t;
        }
        ws2 = ws1;
        ws1 = new Workspace(model.spec(), batch);
        return ws1;
    }

    /** Forward, loss, backward, listeners, update: one step. Returns the batch loss. */
    private double run(Workspace ws) {
        int depth = model.depth();
        int top = depth - 1;
        ws.sparse = sparseMaxDensity >= 0 && ws.compressInput() <= sparseMaxDensity;
        ws.forward(model, la);
        Matrix y = ws.act[top];
        la.sub(ws.target, y, ws.err); // e = y* − y
        double loss;
        if (model.spec().loss() instanceof Loss.SoftmaxCrossEntropy) {
            loss = Ops.crossEntropy(ws.target, y);
            ws.delta[top].copyFrom(ws.err); // δ = y* − softmax(a)
        } else {
            loss = 0.5 * la.squaredNorm(ws.err); // L = ½ eᵀe
            Activation f = model.spec().layers().get(top).activation();
            if (f instanceof Activation.Identity) {
                ws.delta[top].copyFrom(ws.err);
            } else {
                f.derivative(la, y, ws.deriv[top]);
                la.hadamard(ws.err, ws.deriv[top], ws.delta[top]); // δ_y = e ∘ f'(a_y), PAPER §1.7
            }
        }
        if (!Double.isFinite(loss)) {
            throw Divergence.locateForward(model, ws, steps + 1);
        }
        double rate = constantRate ? config.learningRate() : learningRate();
        float eta = (float) config.batchScaling().perSummedExample(rate, ws.batch);
        float decay = constantRate ? this.decay : (float) (1 - rate * alpha);
        TrainingStep state = this.state;
        state.ws = ws;
        state.step = steps + 1;
        state.epoch = currentEpoch + 1;
        state.learningRate = eta;
        state.decay = decay;
        engine.beforeBackward(state);
        engine.backward(state);
        for (int l = top; l >= 0; l--) {
            if (engine.learns(l, depth) && !Float.isFinite(la.squaredNorm(ws.delta[l])) && !Ops.allFinite(ws.delta[l])) {
                throw new TrainingDivergedException(steps + 1, l, "delta");
            }
        }
        if (listeners.length > 0) {
            diagnostics.bind(ws);
            context.loss = loss;
            for (TrainingListener l : listeners) {
                l.onStep(context);
            }
        }
        for (int l = 0; l < depth; l++) {
            if (!engine.learns(l, depth)) {
                continue;
            }
            // W_l ← (1 − η(α + λ)) W_l + s δ_lᵀ h_{l−1}, s = η or η/k  (PAPER §1.3: ΔW ∝ e hᵀ, ΔW_0 ∝ Δh xᵀ)
            if (l == 0 && ws.sparse) {
                ws.sparseUpdate0(model, la, eta, decay);
            } else {
                la.gemm(Op.T, Op.N, eta, ws.input(l), ws.delta[l], decay, model.wt[l]); // W_lᵀ ← (1 − ηα) W_lᵀ + η h_{l−1}ᵀ δ_l
            }
            if (model.wtMask[l] != null) {
                la.hadamard(model.wt[l], model.wtMask[l], model.wt[l]);
            }
            if (model.b[l] != null) {
                la.columnSums(ws.delta[l], ws.biasGrad[l]);
                la.axpy(eta, ws.biasGrad[l], model.b[l]); // Δb ∝ δ
            }
        }
        engine.afterUpdate(state);
        steps++;
        return loss;
    }

    private void checkParameters() {
        for (int l = 0; l < model.depth(); l++) {
            if (!Ops.allFinite(model.wt[l])) {
                throw new TrainingDivergedException(steps, l, "weights");
            }
            if (model.b[l] != null && !Ops.allFinite(model.b[l])) {
                throw new TrainingDivergedException(steps, l, "bias");
            }
            if (model.fb[l] != null && !Ops.allFinite(model.fb[l])) {
                throw new TrainingDivergedException(steps, l, "feedback");
            }
        }
    }
}
