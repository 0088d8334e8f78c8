package org.fa4j.analysis;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fa4j.simd.Matrix;

/**
 * Float64 linear algebra of the reference network: random draws, the pseudoinverse, norms and angles on EJML
 * matrices, and the three row-major vector kernels ({@link #mult(double[], int, int, double[], double[])},
 * {@link #multTrans(double[], int, int, double[], double[])}, {@link #addOuter(double[], double, double[], double[])})
 * that every float64 network of the project (the theorem checks here, the experiments' Task 1 and Fig. 4 networks)
 * runs on, so that they compute the same bits.
 */
public final class Mat64 {
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
        return pinv(m, Math.ulp(1.0));
    }

    /**
     * As {@link #pinv(DMatrixRMaj)} with the cut-off {@code max(m,n)·eps·σ_max} for the precision {@code eps} the
     * entries were computed in: {@code Math.ulp(1.0f)} for a float32 network's weights, whose singular values below
     * that level are rounding noise, not rank.
     */
    static DMatrixRMaj pinv(DMatrixRMaj m, double eps) {
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
        double cut = Math.max(rows, cols) * eps * smax;
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

    /** A float64 copy of a float32 matrix (exact: every float is a double). */
    static DMatrixRMaj of(Matrix m) {
        DMatrixRMaj out = new DMatrixRMaj(m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out.data[i * m.cols() + j] = m.get(i, j);
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
        mult(m.data, m.numRows, m.numCols, x, y);
    }

    /** y = Mᵀ x. */
    static void multTrans(DMatrixRMaj m, double[] x, double[] y) {
        multTrans(m.data, m.numRows, m.numCols, x, y);
    }

    /** M += alpha · u vᵀ. */
    static void addOuter(DMatrixRMaj m, double alpha, double[] u, double[] v) {
        if (m.numRows != u.length || m.numCols != v.length) {
            throw new IllegalArgumentException("shape mismatch: outer product " + u.length + "x" + v.length
                    + " added to matrix " + m.numRows + "x" + m.numCols);
        }
        addOuter(m.data, alpha, u, v);
    }

    /**
     * {@code y = M x} for a row-major {@code rows × cols} matrix {@code m}: each {@code y_i} is summed over {@code j}
     * in ascending order, so every float64 network of the project gets the same bits.
     */
    public static void mult(double[] m, int rows, int cols, double[] x, double[] y) {
        if (m.length != rows * cols || x.length != cols || y.length != rows) {
            throw new IllegalArgumentException("shape mismatch: matrix " + rows + "x" + cols + " (" + m.length
                    + " entries) times vector of length " + x.length + " into vector of length " + y.length);
        }
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s += m[o + j] * x[j];
            }
            y[i] = s;
        }
    }

    /** {@code y = Mᵀ x} for a row-major {@code rows × cols} matrix {@code m}, accumulated row by row of M. */
    public static void multTrans(double[] m, int rows, int cols, double[] x, double[] y) {
        if (m.length != rows * cols || x.length != rows || y.length != cols) {
            throw new IllegalArgumentException("shape mismatch: transpose of matrix " + rows + "x" + cols + " (" + m.length
                    + " entries) times vector of length " + x.length + " into vector of length " + y.length);
        }
        java.util.Arrays.fill(y, 0);
        for (int i = 0; i < rows; i++) {
            double xi = x[i];
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                y[j] += m[o + j] * xi;
            }
        }
    }

    /** {@code M += alpha · u vᵀ} for a row-major {@code u.length × v.length} matrix {@code m} (BLAS's GER). */
    public static void addOuter(double[] m, double alpha, double[] u, double[] v) {
        if (m.length != u.length * v.length) {
            throw new IllegalArgumentException("shape mismatch: outer product " + u.length + "x" + v.length
                    + " added to a matrix of " + m.length + " entries");
        }
        int c = v.length;
        for (int i = 0; i < u.length; i++) {
            double a = alpha * u[i];
            int o = i * c;
            for (int j = 0; j < c; j++) {
                m[o + j] += a * v[j];
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
