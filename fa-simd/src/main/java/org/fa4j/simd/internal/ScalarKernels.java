package org.fa4j.simd.internal;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;
import org.fa4j.simd.Op;

/**
 * The portable fallback: plain loops in a fixed order. It runs where the Vector API is unavailable or not
 * intrinsified, and is tested against the same float64 references as the vector path. logistic and tanh use
 * {@code StrictMath} (fdlibm, whose results the specification fixes bit for bit), not {@code Math}, whose results
 * may legally differ between the interpreter and compiled code: the bits never depend on the JIT state. They are
 * not the vector path's polynomials, so the two paths may differ by an ulp or two there.
 */
public final class ScalarKernels implements Kernels {

    /** The one instance. */
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public boolean gemmSplittable(int m, int n, int k) {
        return true;
    }

    @Override
    public int gemmRowAlign() {
        return 1;
    }

    @Override
    public int gemmColAlign() {
        return 1;
    }

    @Override
    public void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int i0, int i1, int j0, int j1) {
        int k = opA == Op.N ? a.cols() : a.rows();
        float[] ad = a.array();
        float[] bd = b.array();
        float[] cd = c.array();
        int as = a.stride();
        int bs = b.stride();
        int cs = c.stride();
        // A's element (i, p) of op(A) and B's element (p, j) of op(B), as strides into the arrays.
        int aRow = opA == Op.N ? as : 1;
        int aCol = opA == Op.N ? 1 : as;
        int bRow = opB == Op.N ? bs : 1;
        int bCol = opB == Op.N ? 1 : bs;
        for (int i = i0; i < i1; i++) {
            int ci = c.offset() + i * cs;
            for (int j = j0; j < j1; j++) {
                float sum = 0f;
                int ai = a.offset() + i * aRow;
                int bj = b.offset() + j * bCol;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(ad[ai + p * aCol], bd[bj + p * bRow], sum);
                }
                float prior = beta == 0f ? 0f : beta * cd[ci + j];
                cd[ci + j] = alpha * sum + prior;
            }
        }
    }

    @Override
    public void gemv(Op opA, float alpha, Matrix a, Matrix x, float beta, Matrix y) {
        int m = y.cols();
        int k = x.cols();
        float[] ad = a.array();
        float[] xd = x.array();
        float[] yd = y.array();
        int xo = x.offset();
        int yo = y.offset();
        int aRow = opA == Op.N ? a.stride() : 1;
        int aCol = opA == Op.N ? 1 : a.stride();
        for (int i = 0; i < m; i++) {
            float sum = 0f;
            int ai = a.offset() + i * aRow;
            for (int p = 0; p < k; p++) {
                sum = Math.fma(ad[ai + p * aCol], xd[xo + p], sum);
            }
            float prior = beta == 0f ? 0f : beta * yd[yo + i];
            yd[yo + i] = alpha * sum + prior;
        }
    }

    @Override
    public void ger(float alpha, Matrix x, Matrix y, Matrix a) {
        float[] ad = a.array();
        float[] xd = x.array();
        float[] yd = y.array();
        int n = a.cols();
        for (int i = 0; i < a.rows(); i++) {
            float s = alpha * xd[x.offset() + i];
            int ai = a.offset() + i * a.stride();
            int yo = y.offset();
            for (int j = 0; j < n; j++) {
                ad[ai + j] = Math.fma(s, yd[yo + j], ad[ai + j]);
            }
        }
    }

    @Override
    public void elementwise(ElementwiseOp op, Matrix a, Matrix b, Matrix out) {
        switch (op) {
            case LOGISTIC -> map(a, out, v -> 1f / (1f + (float) StrictMath.exp(-v)));
            case TANH -> map(a, out, v -> (float) StrictMath.tanh(v));
            case RELU -> map(a, out, v -> v > 0f ? v : 0f);
            case LOGISTIC_DERIVATIVE -> map(a, out, y -> y * (1f - y));
            case TANH_DERIVATIVE -> map(a, out, y -> 1f - y * y);
            case RELU_DERIVATIVE -> map(a, out, y -> y > 0f ? 1f : 0f);
            case HADAMARD -> hadamard(a, b, out);
            case SUB -> sub(a, b, out);
            case ADD_ROW -> addRowVector(out, b);
            case TIMES_LOGISTIC_DERIVATIVE -> timesDerivative(Linalg.Derivative.LOGISTIC, a, out);
            case TIMES_TANH_DERIVATIVE -> timesDerivative(Linalg.Derivative.TANH, a, out);
            case TIMES_RELU_DERIVATIVE -> timesDerivative(Linalg.Derivative.RELU, a, out);
        }
    }

    private static void timesDerivative(Linalg.Derivative f, Matrix activation, Matrix delta) {
        for (int i = 0; i < delta.rows(); i++) {
            for (int j = 0; j < delta.cols(); j++) {
                float y = activation.get(i, j);
                float d = switch (f) {
                    case LOGISTIC -> y * (1f - y);
                    case TANH -> 1f - y * y;
                    case RELU -> y > 0f ? 1f : 0f;
                };
                delta.set(i, j, delta.get(i, j) * d);
            }
        }
    }

    private interface FloatOp {
        float apply(float v);
    }

    private static void map(Matrix in, Matrix out, FloatOp f) {
        float[] id = in.array();
        float[] od = out.array();
        for (int i = 0; i < in.rows(); i++) {
            int ii = in.offset() + i * in.stride();
            int oi = out.offset() + i * out.stride();
            for (int j = 0; j < in.cols(); j++) {
                od[oi + j] = f.apply(id[ii + j]);
            }
        }
    }

    private static void hadamard(Matrix a, Matrix b, Matrix out) {
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out.set(i, j, a.get(i, j) * b.get(i, j));
            }
        }
    }

    private static void sub(Matrix a, Matrix b, Matrix out) {
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out.set(i, j, a.get(i, j) - b.get(i, j));
            }
        }
    }

    @Override
    public void axpy(float alpha, Matrix x, Matrix y) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                y.set(i, j, Math.fma(alpha, x.get(i, j), y.get(i, j)));
            }
        }
    }

    @Override
    public void scale(float alpha, Matrix x) {
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                x.set(i, j, alpha * x.get(i, j));
            }
        }
    }

    private static void addRowVector(Matrix m, Matrix row) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, m.get(i, j) + row.get(0, j));
            }
        }
    }

    @Override
    public void columnSums(Matrix m, Matrix out) {
        for (int j = 0; j < m.cols(); j++) {
            float s = 0f;
            for (int i = 0; i < m.rows(); i++) {
                s += m.get(i, j);
            }
            out.set(0, j, s);
        }
    }

    @Override
    public void argmaxRows(Matrix m, int[] out) {
        for (int i = 0; i < m.rows(); i++) {
            int best = 0;
            float bv = m.get(i, 0);
            for (int j = 1; j < m.cols(); j++) {
                float v = m.get(i, j);
                if (v > bv) {
                    bv = v;
                    best = j;
                }
            }
            out[i] = best;
        }
    }

    @Override
    public float dot(Matrix a, Matrix b) {
        float s = 0f;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                s = Math.fma(a.get(i, j), b.get(i, j), s);
            }
        }
        return s;
    }

    @Override
    public float squaredNorm(Matrix a) {
        return dot(a, a);
    }

    // ---------------------------------------------------------------- sparse × dense

    @Override
    public void sparseProduct(SparseIndex a, float alpha, Matrix b, float beta, Matrix c, int j0, int j1) {
        chains(a, alpha, b, beta, c, j0, j1);
    }

    @Override
    public void sparseUpdate(SparseIndex aT, float alpha, Matrix d, float beta, Matrix w, int j0, int j1) {
        chains(aT, alpha, d, beta, w, j0, j1);
    }

    /** Each element of C's columns {@code [j0, j1)} as its chain (see {@link Kernels#sparseProduct}), row by row. */
    private static void chains(SparseIndex a, float alpha, Matrix b, float beta, Matrix c, int j0, int j1) {
        int[] start = a.start();
        int[] idx = a.idx();
        float[] val = a.val();
        float[] bd = b.array();
        int bo = b.offset();
        int bs = b.stride();
        float[] cd = c.array();
        for (int r = 0; r < a.rows(); r++) {
            int k0 = start[r];
            int k1 = start[r + 1];
            if (k0 == k1 && beta == 1f) {
                continue; // an empty chain changes nothing
            }
            int row = c.offset() + r * c.stride();
            for (int j = j0; j < j1; j++) {
                float acc = beta == 0f ? 0f : beta == 1f ? cd[row + j] : beta * cd[row + j];
                for (int k = k0; k < k1; k++) {
                    acc = Math.fma(alpha * val[k], bd[bo + idx[k] * bs + j], acc);
                }
                cd[row + j] = acc;
            }
        }
    }

    @Override
    public int compressRow(float[] d, int o, int cols, int[] idx, float[] val, int nnz) {
        return compressRow(d, o, 0, cols, idx, val, nnz);
    }

    /**
     * {@link #compressRow} of the columns {@code [from, cols)} only (column numbers still count from {@code o}): the
     * scalar path's loop, and the vector path's tail after its last whole vector.
     */
    public static int compressRow(float[] d, int o, int from, int cols, int[] idx, float[] val, int nnz) {
        for (int p = from; p < cols; p++) {
            float v = d[o + p];
            if (v != 0f) {
                idx[nnz] = p;
                val[nnz] = v;
                nnz++;
            }
        }
        return nnz;
    }
}
