package org.fa4j.analysis;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Float64 helpers on EJML matrices: random draws, the pseudoinverse, norms and angles. */
final class Mat64 {
    private Mat64() {
    }

    /** A rows×cols matrix with entries uniform on [lo, hi). */
    static DMatrixRMaj uniform(int rows, int cols, double lo, double hi, SplittableRandom rnd) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return m;
    }

    /** Fills {@code x} with independent standard normal draws. */
    static void gaussian(double[] x, SplittableRandom rnd) {
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
    }

    /** Singular values, largest first. */
    static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols,
                false, false, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD did not converge for a " + m.numRows + "x" + m.numCols + " matrix");
        }
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /**
     * Moore–Penrose pseudoinverse by SVD, treating singular values below {@code max(m,n)·ε·σ_max} as zero (the usual
     * LAPACK/NumPy cut-off), so that a numerically rank-deficient matrix gets the pseudoinverse of its exact rank.
     */
    static DMatrixRMaj pinv(DMatrixRMaj m) {
        int rows = m.numRows;
        int cols = m.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD did not converge for a " + rows + "x" + cols + " matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        double smax = 0;
        for (double x : s) {
            smax = Math.max(smax, x);
        }
        double cut = Math.max(rows, cols) * Math.ulp(1.0) * smax;
        DMatrixRMaj out = new DMatrixRMaj(cols, rows);
        int k = Math.min(Math.min(rows, cols), s.length);
        for (int r = 0; r < k; r++) {
            if (s[r] <= cut || s[r] == 0) {
                continue;
            }
            double inv = 1.0 / s[r];
            // out += v[:, r] u[:, r]^T / s_r
            for (int i = 0; i < cols; i++) {
                double vi = v.get(i, r) * inv;
                if (vi == 0) {
                    continue;
                }
                for (int j = 0; j < rows; j++) {
                    out.data[i * rows + j] += vi * u.get(j, r);
                }
            }
        }
        return out;
    }

    static double normF(DMatrixRMaj m) {
        return NormOps_DDRM.normF(m);
    }

    /** Squared Frobenius norm. */
    static double sq(DMatrixRMaj m) {
        return dot(m.data, m.data, m.getNumElements());
    }

    /** Frobenius inner product of two matrices of the same shape. */
    static double dotF(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape(a, b);
        return dot(a.data, b.data, a.getNumElements());
    }

    static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a, a.length));
    }

    /** Cosine between two matrices seen as vectors (Frobenius). */
    static double cosine(DMatrixRMaj a, DMatrixRMaj b) {
        return dotF(a, b) / (normF(a) * normF(b));
    }

    /**
     * Angle in degrees between two vectors with the paper's |cos| convention (§1.4), so it lies in [0°, 90°].
     * Computed as atan2(‖a − (a·b̂)b̂‖, |a·b̂|), which keeps full precision near 0° where acos would lose half the
     * digits. Returns NaN if either vector is zero.
     */
    static double angleDeg(double[] a, double[] b) {
        double nb = norm(b);
        double na = norm(a);
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        double proj = dot(a, b, a.length) / nb;
        double perp = 0;
        for (int i = 0; i < a.length; i++) {
            double r = a[i] - proj * b[i] / nb;
            perp += r * r;
        }
        return Math.toDegrees(Math.atan2(Math.sqrt(perp), Math.abs(proj)));
    }

    /** Signed angle in degrees (no absolute value), in [0°, 180°]. */
    static double signedAngleDeg(double[] a, double[] b) {
        double unsigned = angleDeg(a, b);
        return dot(a, b, a.length) >= 0 ? unsigned : 180.0 - unsigned;
    }

    /** y = M x for a matrix and plain vectors. */
    static void mult(DMatrixRMaj m, double[] x, double[] y) {
        int r = m.numRows;
        int c = m.numCols;
        if (x.length != c || y.length != r) {
            throw new IllegalArgumentException("shape mismatch: matrix " + r + "x" + c + " times vector of length "
                    + x.length + " into vector of length " + y.length);
        }
        double[] d = m.data;
        for (int i = 0; i < r; i++) {
            double s = 0;
            int o = i * c;
            for (int j = 0; j < c; j++) {
                s += d[o + j] * x[j];
            }
            y[i] = s;
        }
    }

    /** y = Mᵀ x. */
    static void multTrans(DMatrixRMaj m, double[] x, double[] y) {
        int r = m.numRows;
        int c = m.numCols;
        if (x.length != r || y.length != c) {
            throw new IllegalArgumentException("shape mismatch: transpose of matrix " + r + "x" + c
                    + " times vector of length " + x.length + " into vector of length " + y.length);
        }
        java.util.Arrays.fill(y, 0);
        double[] d = m.data;
        for (int i = 0; i < r; i++) {
            double xi = x[i];
            int o = i * c;
            for (int j = 0; j < c; j++) {
                y[j] += d[o + j] * xi;
            }
        }
    }

    /** M += alpha · u vᵀ. */
    static void addOuter(DMatrixRMaj m, double alpha, double[] u, double[] v) {
        if (u.length != m.numRows || v.length != m.numCols) {
            throw new IllegalArgumentException("shape mismatch: outer product " + u.length + "x" + v.length
                    + " added to matrix " + m.numRows + "x" + m.numCols);
        }
        int c = m.numCols;
        for (int i = 0; i < u.length; i++) {
            double a = alpha * u[i];
            int o = i * c;
            for (int j = 0; j < c; j++) {
                m.data[o + j] += a * v[j];
            }
        }
    }

    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return CommonOps_DDRM.mult(a, b, null);
    }

    static void requireSameShape(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("shape mismatch: " + a.numRows + "x" + a.numCols + " vs "
                    + b.numRows + "x" + b.numCols);
        }
    }

    /** Least-squares slope of log(y) against log(x). */
    static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
