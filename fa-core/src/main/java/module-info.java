/**
 * Networks, the training rules of Lillicrap et al. (backprop, feedback alignment, pseudobackprop, shallow learning,
 * node perturbation) and the training loop, on fa-simd's float kernels.
 *
 * <p>Exports {@link org.fa4j.core} (networks, training, evaluation, model files) and {@link org.fa4j.core.rule} (the
 * learning-rule SPI and the built-in rules, which fa-core provides as {@code LearningRuleProvider} services like any
 * other module would). Conventions: batch-major activations (row {@code i} = example {@code i}); layer
 * {@code l} has weights {@code W_l} of shape {@code units_l × units_{l−1}} as in the paper ({@code W_0} is
 * {@code n_h × n_i}; {@code Model.weights(l)} and model files use this layout), stored input-major as {@code W_lᵀ}
 * ({@code Model.weightsTransposed(l)}, live), so the forward pass is {@code H = X·W_lᵀ + b} and the update
 * {@code W_lᵀ += η Xᵀ δ}; feedback matrices {@code B_l} have the shape of {@code W_lᵀ} and send
 * {@code Δ_{l−1} = Δ_l B_lᵀ}; {@code e = y* − y} and every delta is a negative gradient.
 *
 * <p>MNIST with feedback alignment (PAPER §2.3):
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.newBuilder(784)
 *         .layer(1000, Activation.logistic())
 *         .layer(10, Activation.logistic())
 *         .init(Init.uniform(0.05))                         // W ~ U[-ω, ω]
 *         .build();                                         // squared error ½‖e‖²
 * Model fa = Model.create(spec, FeedbackAlignment.uniform(0.5), 1);   // B ~ U[-β, β]; seed 1
 * Model bp = Model.create(spec, new Backprop(), 1);                   // same initial W as fa
 * TrainingConfig cfg = TrainingConfig.newBuilder()
 *         .learningRate(1e-3).weightDecay(1e-6)
 *         .batchSize(1)                                     // online; or .batchSize(100)
 *         .epochs(20).seed(1).build();                      // same data order for both models
 * Linalg la = Linalg.defaults();
 * Trainer trainer = Trainer.newBuilder(fa, cfg).linalg(la)
 *         .listener(new ProgressListener(System.out::println))
 *         .listener(new TrainingListener() {
 *             public void onEpoch(EpochSummary e) {
 *                 System.out.println(Evaluation.of(fa, testX, testY, la).errorRate());
 *             }
 *         })
 *         .build();
 * trainer.fit(trainX, trainY);                              // Matrix rows = examples; targets one-hot
 * Evaluation ev = Evaluation.of(fa, testX, testY, la);      // accuracy, confusion, NSE, MSE
 * }</pre>
 *
 * <p>Task 1 (PAPER §2.1) with the angle between {@code Be} and {@code Wᵀe} at every step:
 * <pre>{@code
 * NetworkSpec task1 = NetworkSpec.newBuilder(30)
 *         .layer(20, Activation.identity(), false)
 *         .layer(10, Activation.identity(), false)
 *         .init(Init.uniform(0.01)).build();
 * Model m = Model.create(task1, FeedbackAlignment.uniform(0.5), 7);
 * Trainer t = Trainer.newBuilder(m, TrainingConfig.newBuilder().learningRate(1e-3).batchSize(1).build())
 *         .listener(new TrainingListener() {
 *             public void onStep(StepContext s) {                // before the update: W is the W that made e
 *                 Diagnostics d = s.diagnostics();               // computed only when asked
 *                 double faBp  = d.angle(Diagnostics.Signal.FEEDBACK, Diagnostics.Signal.BACKPROP, 0);
 *                 double faPbp = d.angle(Diagnostics.Signal.FEEDBACK, Diagnostics.Signal.PSEUDOINVERSE, 0);
 *                 double eWBe  = d.alignment(0);                 // eq. (1)
 *             }
 *         }).build();
 * t.fit(x, y);                                              // x ~ N(0, I), y = T x
 * }</pre>
 *
 * <p>Reads no system properties (fa-simd's {@code fa4j.simd.*} apply to the kernels).
 */
module org.fa4j.core {
    requires transitive org.fa4j.datasets;
    requires com.fasterxml.jackson.databind;
    requires ejml.ddense;
    requires ejml.core;

    exports org.fa4j.core;
    exports org.fa4j.core.rule;

    uses org.fa4j.core.rule.LearningRuleProvider;
    provides org.fa4j.core.rule.LearningRuleProvider with
            org.fa4j.core.rule.Backprop,
            org.fa4j.core.rule.FeedbackAlignment,
            org.fa4j.core.rule.Pseudobackprop,
            org.fa4j.core.rule.Shallow,
            org.fa4j.core.rule.NodePerturbation,
            org.fa4j.core.rule.Layerwise,
            org.fa4j.core.rule.DirectFeedbackAlignment,
            org.fa4j.core.rule.SignSymmetry,
            org.fa4j.core.rule.KolenPollack,
            org.fa4j.core.rule.WeightMirror;
}
