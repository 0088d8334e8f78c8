package org.fa4j.analysis.experiments;

import java.util.SplittableRandom;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * A fully connected float network trained by mini-batch SGD on fa-simd kernels, for MNIST-scale experiments
 * (784-1000-10 logistic, squared error, PAPER.md §1.7 and §2.3). Row-major batches: a batch is m × n.
 * Allocates its buffers once per batch size; a step allocates nothing.
 */
final class FloatMlp {
    /** Activations. */
    enum Act { LOGISTIC, TANH, RELU, LINEAR }

    final int[] sizes;
    final int layers;
    final Act hidden;
    final Act output;
    final MlpRule rule;
    final Matrix[] w;      // w[l]: sizes[l+1] x sizes[l]
    final Matrix[] bias;   // 1 x sizes[l+1]
    final Matrix[] fb;     // fb[l], l >= 1: same shape as w[l] (δ_l = δ_{l+1} fb[l]); for DFA: sizes[L] x sizes[l]
    final Matrix[] mask;   // sparse FA: masks of the output weights (and B, applied once), else null
    private final Linalg la;
    private Matrix[] act;
    private Matrix[] delta;
    private Matrix[] colSum;
    private Matrix[] deriv;
    private Matrix[] signBuf;
    private int batch = -1;

    FloatMlp(int[] sizes, Act hidden, Act output, MlpRule rule, Linalg la) {
        this.sizes = sizes.clone();
        this.layers = sizes.length - 1;
        this.hidden = hidden;
        this.output = output;
        this.rule = rule;
        this.la = la;
        w = new Matrix[layers];
        bias = new Matrix[layers];
        fb = new Matrix[layers];
        mask = new Matrix[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = Matrix.zeros(sizes[l + 1], sizes[l]);
            bias[l] = Matrix.zeros(1, sizes[l + 1]);
            if (l >= 1) {
                fb[l] = rule == MlpRule.DIRECT_FA ? Matrix.zeros(sizes[layers], sizes[l]) : Matrix.zeros(sizes[l + 1], sizes[l]);
            }
        }
    }

    /** Forward weights ~ U[-omega, omega], biases 0; feedback ~ U[-beta, beta]; sparse FA removes half of W_top and B. */
    void init(SplittableRandom forward, SplittableRandom feedback, double omega, double beta, double sparsity) {
        for (int l = 0; l < layers; l++) {
            fill(w[l], forward, omega);
        }
        for (int l = 1; l < layers; l++) {
            fill(fb[l], feedback, beta);
        }
        if (rule == MlpRule.KOLEN_POLLACK) {
            return; // B starts random too; KP's updates pull it towards W
        }
        if (rule == MlpRule.SPARSE_FA) {
            for (int l = 1; l < layers; l++) {
                mask[l] = Matrix.zeros(w[l].rows(), w[l].cols());
                Matrix bm = Matrix.zeros(fb[l].rows(), fb[l].cols());
                fillMask(mask[l], feedback, sparsity);
                fillMask(bm, feedback, sparsity);
                la.hadamard(w[l], mask[l], w[l]);
                la.hadamard(fb[l], bm, fb[l]);
            }
        }
    }

    private static void fill(Matrix m, SplittableRandom r, double scale) {
        float[] a = m.array();
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Seeds.uniform(r, scale);
        }
    }

    private static void fillMask(Matrix m, SplittableRandom r, double removed) {
        float[] a = m.array();
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() < removed ? 0f : 1f;
        }
    }

    private void buffers(int m) {
        if (m == batch) {
            return;
        }
        batch = m;
        act = new Matrix[layers + 1];
        delta = new Matrix[layers + 1];
        colSum = new Matrix[layers + 1];
        deriv = new Matrix[layers + 1];
        signBuf = new Matrix[layers];
        for (int l = 0; l <= layers; l++) {
            act[l] = Matrix.zeros(m, sizes[l]);
            delta[l] = Matrix.zeros(m, sizes[l]);
            colSum[l] = Matrix.zeros(1, sizes[l]);
            deriv[l] = Matrix.zeros(m, sizes[l]);
        }
        for (int l = 1; l < layers; l++) {
            if (rule == MlpRule.SIGN_SYMMETRY) {
                signBuf[l] = Matrix.zeros(w[l].rows(), w[l].cols());
            }
        }
    }

    /** Forward pass of the m × n0 batch {@code x}; returns the m × nL output (a buffer). */
    Matrix forward(Matrix x) {
        buffers(x.rows());
        act[0].copyFrom(x);
        for (int l = 0; l < layers; l++) {
            la.gemm(Op.N, Op.T, 1f, act[l], w[l], 0f, act[l + 1]);
            la.addRowVector(act[l + 1], bias[l]);
            apply(l == layers - 1 ? output : hidden, act[l + 1]);
        }
        return act[layers];
    }

    private void apply(Act a, Matrix m) {
        switch (a) {
            case LOGISTIC -> la.logistic(m, m);
            case TANH -> la.tanh(m, m);
            case RELU -> la.relu(m, m);
            case LINEAR -> { }
        }
    }

    private void derivative(Act a, Matrix activation, Matrix out) {
        switch (a) {
            case LOGISTIC -> la.logisticDerivative(activation, out);
            case TANH -> la.tanhDerivative(activation, out);
            case RELU -> la.reluDerivative(activation, out);
            case LINEAR -> out.fill(1f);
        }
    }

    /**
     * One SGD step on the batch: e = y* − y, δ_L = e ∘ σ'(output), δ_l by the rule, then
     * W_l ← W_l (1 − η α) + (η/m) δ_{l+1}ᵀ a_l and b_l ← b_l + (η/m) Σ δ_{l+1}. Returns ½‖e‖² summed over the batch.
     */
    double step(Matrix x, Matrix target, float eta, float weightDecay, float kpDecay) {
        forward(x);
        int m = x.rows();
        Matrix dL = delta[layers];
        la.sub(target, act[layers], dL);                     // e = y* − y
        double loss = 0.5 * la.squaredNorm(dL);
        if (output != Act.LINEAR) {
            derivative(output, act[layers], deriv[layers]);
            la.hadamard(dL, deriv[layers], dL);
        }
        int lowest = rule == MlpRule.SHALLOW ? layers - 1 : 0;
        for (int l = layers - 1; l >= Math.max(1, lowest); l--) {
            Matrix back = switch (rule) {
                case BACKPROP, SHALLOW -> w[l];
                case SIGN_SYMMETRY -> signOf(l);
                default -> fb[l];
            };
            Matrix from = rule == MlpRule.DIRECT_FA ? delta[layers] : delta[l + 1];
            la.gemm(Op.N, Op.N, 1f, from, back, 0f, delta[l]);  // δ_{l+1} W_l (BP) or δ B (FA, eq. 2)
            derivative(hidden, act[l], deriv[l]);
            la.hadamard(delta[l], deriv[l], delta[l]);
        }
        float lr = eta / m;
        for (int l = layers - 1; l >= lowest; l--) {
            if (weightDecay != 0f) {
                la.scale(1f - eta * weightDecay, w[l]);
            }
            la.gemm(Op.T, Op.N, lr, delta[l + 1], act[l], 1f, w[l]);   // ΔW ∝ δ aᵀ
            la.columnSums(delta[l + 1], colSum[l + 1]);
            la.axpy(lr, colSum[l + 1], bias[l]);
            if (mask[l] != null) {
                la.hadamard(w[l], mask[l], w[l]);
            }
            if (rule == MlpRule.KOLEN_POLLACK && l >= 1) {
                la.scale(1f - eta * kpDecay, fb[l]);
                la.scale(1f - eta * kpDecay, w[l]);
                la.gemm(Op.T, Op.N, lr, delta[l + 1], act[l], 1f, fb[l]); // the same ΔW for B
            }
        }
        return loss;
    }

    private Matrix signOf(int l) {
        float[] src = w[l].array();
        float[] dst = signBuf[l].array();
        double s = 0;
        for (float v : src) {
            s += Math.abs(v);
        }
        float scale = (float) (s / src.length);
        for (int i = 0; i < src.length; i++) {
            dst[i] = Math.signum(src[i]) * scale;
        }
        return signBuf[l];
    }

    /**
     * Mean and standard deviation over the batch of the angle between the top hidden layer's FA signal B δ_L and
     * BP signal W_topᵀ δ_L (PAPER.md §1.4, |cos|), after {@link #forward} with targets {@code target}.
     */
    double[] angleToBackprop(Matrix x, Matrix target) {
        forward(x);
        int m = x.rows();
        int top = layers - 1;
        Matrix e = Matrix.zeros(m, sizes[layers]);
        la.sub(target, act[layers], e);
        if (output != Act.LINEAR) {
            Matrix d = Matrix.zeros(m, sizes[layers]);
            derivative(output, act[layers], d);
            la.hadamard(e, d, e);
        }
        Matrix back = rule == MlpRule.SIGN_SYMMETRY ? signOf(top) : fb[top];
        Matrix hFa = Matrix.zeros(m, sizes[top]);
        Matrix hBp = Matrix.zeros(m, sizes[top]);
        la.gemm(Op.N, Op.N, 1f, e, back, 0f, hFa);
        la.gemm(Op.N, Op.N, 1f, e, w[top], 0f, hBp);
        double[] angles = new double[m];
        for (int i = 0; i < m; i++) {
            double ab = la.dot(hFa.row(i), hBp.row(i));
            double aa = la.squaredNorm(hFa.row(i));
            double bb = la.squaredNorm(hBp.row(i));
            angles[i] = aa == 0 || bb == 0 ? Double.NaN : Math.toDegrees(Math.acos(Math.min(1, Math.abs(ab) / Math.sqrt(aa * bb))));
        }
        return new double[] {Stats.mean(angles), Stats.sd(angles)};
    }

    /** Classification error (fraction) of the argmax output on {@code data}, evaluated in chunks. */
    double errorRate(ImageSet data) {
        int chunk = 1000;
        int wrong = 0;
        int f = data.features();
        int[] pred = new int[chunk];
        for (int from = 0; from < data.size(); from += chunk) {
            int to = Math.min(data.size(), from + chunk);
            Matrix xb = Matrix.wrap(data.pixels(), from * f, to - from, f, f);
            Matrix y = forward(xb);
            int[] p = pred.length == to - from ? pred : new int[to - from];
            la.argmaxRows(y, p);
            for (int i = 0; i < to - from; i++) {
                if (p[i] != data.labels()[from + i]) {
                    wrong++;
                }
            }
        }
        return wrong / (double) data.size();
    }
}
