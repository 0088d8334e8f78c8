package org.fa4j.core;

import org.fa4j.simd.Matrix;

/** Small loops fa-simd does not offer (softmax, masks, finiteness checks, row gathers). Allocation-free. */
final class Ops {
    private Ops() {
    }

    /** {@code m ∘= mask}, element-wise, without a {@link org.fa4j.simd.Linalg}. */
    static void hadamardScalar(Matrix m, Matrix mask) {
        for (int i = 0; i < m.rows(); i++) {
            int mo = m.offset() + i * m.stride();
            int ko = mask.offset() + i * mask.stride();
            float[] md = m.array();
            float[] kd = mask.array();
            for (int j = 0; j < m.cols(); j++) {
                md[mo + j] *= kd[ko + j];
            }
        }
    }

    /** Replaces each row by its softmax, subtracting the row maximum first. */
    static void softmaxRows(Matrix m) {
        float[] d = m.array();
        for (int i = 0; i < m.rows(); i++) {
            int o = m.offset() + i * m.stride();
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < m.cols(); j++) {
                max = Math.max(max, d[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < m.cols(); j++) {
                float e = (float) Math.exp(d[o + j] - max);
                d[o + j] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int j = 0; j < m.cols(); j++) {
                d[o + j] *= inv;
            }
        }
    }

    /** {@code −Σ target · log(p)} over all elements, in float64 (p clamped below at 1e-30). */
    static double crossEntropy(Matrix target, Matrix p) {
        double s = 0;
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                float t = target.get(i, j);
                if (t != 0f) {
                    s -= t * Math.log(Math.max(p.get(i, j), 1e-30));
                }
            }
        }
        return s;
    }

    /** {@code −Σ_j target(i, j) · log(p(i, j))} for one row. */
    static double crossEntropyRow(Matrix target, Matrix p, int i) {
        double s = 0;
        for (int j = 0; j < p.cols(); j++) {
            float t = target.get(i, j);
            if (t != 0f) {
                s -= t * Math.log(Math.max(p.get(i, j), 1e-30));
            }
        }
        return s;
    }

    /** {@code Σ_j m(i, j)²} for one row, in float64. */
    static double squaredNormRow(Matrix m, int i) {
        double s = 0;
        float[] d = m.array();
        int o = m.offset() + i * m.stride();
        for (int j = 0; j < m.cols(); j++) {
            s += (double) d[o + j] * d[o + j];
        }
        return s;
    }

    /** True when every element is finite. */
    static boolean allFinite(Matrix m) {
        float[] d = m.array();
        for (int i = 0; i < m.rows(); i++) {
            int o = m.offset() + i * m.stride();
            for (int j = 0; j < m.cols(); j++) {
                if (!Float.isFinite(d[o + j])) {
                    return false;
                }
            }
        }
        return true;
    }
}
