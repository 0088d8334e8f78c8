package org.fa4j.core;

import java.util.IdentityHashMap;
import java.util.Map;
import org.fa4j.simd.CsrMatrix;
import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * The buffers of one training step for a fixed batch size, allocated once. Batch-major: row {@code i} of every matrix
 * is example {@code i}; {@code act[l]} is {@code h_l} ({@code batch × units_l}), {@code delta[l]} is {@code δ_l}.
 */
final class Workspace {
    static final int CHUNK = 256;

    final int batch;
    final Matrix x;
    final Matrix target;
    final Matrix err;
    final Matrix[] act;
    final Matrix[] delta;
    /** {@code f'(a)} of the output layer only (hidden layers multiply it in place, see {@link Activation#timesDerivative}). */
    final Matrix[] deriv;
    final Matrix[] biasGrad;
    /** Rule engines' own buffers for this batch size, by owner (see {@link org.fa4j.core.rule.StepState#scratch}). */
    final Map<Object, Object> scratch = new IdentityHashMap<>();

    /** True when this step's layer 0 runs on the compressed input {@link #xs}. */
    boolean sparse;
    /** {@code x} without its zeros (MNIST pixels are ~81% zeros), refilled by {@link #compressInput()}; sized once. */
    final CsrMatrix xs;

    Workspace(NetworkSpec spec, int batch) {
        this.batch = batch;
        int depth = spec.depth();
        x = Matrix.zeros(batch, spec.inputs());
        target = Matrix.zeros(batch, spec.outputs());
        err = Matrix.zeros(batch, spec.outputs());
        act = new Matrix[depth];
        delta = new Matrix[depth];
        deriv = new Matrix[depth];
        biasGrad = new Matrix[depth];
        for (int l = 0; l < depth; l++) {
            int n = spec.units(l);
            act[l] = Matrix.zeros(batch, n);
            delta[l] = Matrix.zeros(batch, n);
            deriv[l] = l == depth - 1 ? Matrix.zeros(batch, n) : null; // hidden layers: Activation#timesDerivative
            biasGrad[l] = Matrix.zeros(1, n);
        }
        xs = CsrMatrix.zeros(batch, spec.inputs());
    }

    /** Compresses {@code x} into {@link #xs}; returns the fraction of non-zero entries. Allocation-free. */
    double compressInput() {
        return xs.copyFrom(x).density();
    }

    /** {@code act[0] = x W_0ᵀ} from the compressed input (biases and activation follow in {@link #forward}). */
    void sparseForward0(Model m, Linalg la) {
        la.gemmSparse(1f, xs, m.wt[0], 0f, act[0]);
    }

    /**
     * {@code W_0ᵀ ← decay · W_0ᵀ + eta · xᵀ δ_0} from the compressed input, in one pass over W_0: only the rows of
     * non-zero inputs take the product; the others only the decay.
     */
    void sparseUpdate0(Model m, Linalg la, float eta, float decay) {
        la.gemmSparseTransA(eta, xs, delta[0], decay, m.wt[0]);
    }

    /** The input of layer {@code l}: {@code x} for layer 0, else {@code h_{l−1}}. */
    Matrix input(int l) {
        return l == 0 ? x : act[l - 1];
    }

    /** {@code h_l = f_l(h_{l−1} W_lᵀ + b_l)} for every layer (softmax on top for cross-entropy). */
    void forward(Model m, Linalg la) {
        NetworkSpec spec = m.spec();
        for (int l = 0; l < act.length; l++) {
            if (l == 0 && sparse) {
                sparseForward0(m, la);
            } else {
                la.gemm(Op.N, Op.N, 1f, input(l), m.wt[l], 0f, act[l]); // H = X W_lᵀ
            }
            if (m.b[l] != null) {
                la.addRowVector(act[l], m.b[l]);
            }
            spec.layers().get(l).activation().apply(la, act[l]);
        }
        if (spec.loss() instanceof Loss.SoftmaxCrossEntropy) {
            Ops.softmaxRows(act[act.length - 1]);
        }
    }

    /** Rows of {@code inputs} through the network into {@code out}, in chunks. */
    static void predict(Model m, Matrix inputs, Matrix out, Linalg la) {
        if (inputs.cols() != m.spec().inputs() || out.rows() != inputs.rows() || out.cols() != m.spec().outputs()) {
            throw new IllegalArgumentException("predict: inputs are " + inputs.shape() + ", outputs " + out.shape() + "; the network is "
                    + m.spec().sizes() + ", so need inputs nx" + m.spec().inputs() + " and outputs " + inputs.rows() + "x" + m.spec().outputs());
        }
        int n = inputs.rows();
        int chunk = Math.min(n, CHUNK);
        Workspace full = null;
        Workspace rest = null;
        for (int s = 0; s < n; s += chunk) {
            int r = Math.min(chunk, n - s);
            Workspace ws;
            if (r == chunk) {
                ws = full == null ? (full = new Workspace(m.spec(), r)) : full;
            } else {
                ws = rest == null ? (rest = new Workspace(m.spec(), r)) : rest;
            }
            ws.x.copyRowsFrom(inputs, s);
            ws.forward(m, la);
            Matrix y = ws.act[ws.act.length - 1];
            for (int i = 0; i < r; i++) {
                System.arraycopy(y.array(), y.offset() + i * y.stride(), out.array(), out.offset() + (s + i) * out.stride(), y.cols());
            }
        }
    }
}
