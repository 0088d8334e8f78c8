package org.fa4j.datasets;

import java.util.Objects;
import org.fa4j.simd.Matrix;

/**
 * Task 1 of the paper (§2.1 of our digest; Fig. 1d, 1e and 4): learn the linear map {@code y* = T x}, with
 * {@code T} a fixed 10 × 30 matrix of entries drawn from U[−1, 1] and inputs {@code x ~ N(0, I₃₀)}.
 *
 * <p>The teacher, the training set and the test set — and the order of their examples — are generated once from
 * one seed, so every learning rule sees exactly the same examples in the same order ("the sequence of data points
 * learned on was also fixed"). Three {@link RandomStream}s of that seed are used: {@code "teacher"} fills {@code T}
 * row by row, {@code "train"} and {@code "test"} draw the inputs example by example, coordinate by coordinate.
 * Values are drawn in double precision and stored as floats; each target is computed in double precision from the
 * stored float {@code T} and {@code x}, then rounded once, so the stored targets are the correctly-rounded image of
 * the stored inputs under the stored teacher (the float data set is consistent to within one rounding).
 *
 * <p>The paper does not state the data set size N [NF]; the caller chooses it.
 *
 * @param teacher the 10 × 30 teacher matrix {@code T}
 * @param train   the training examples: inputs N × 30, targets N × 10, no labels
 * @param test    held-out examples drawn the same way (may be empty)
 */
public record LinearTask(Matrix teacher, Dataset train, Dataset test) {
    /** Input dimension (30). */
    public static final int INPUTS = 30;
    /** Output dimension (10). */
    public static final int OUTPUTS = 10;

    /** Checks the shapes: {@code T} is 10 × 30, and both sets have 30 inputs and 10 targets per example. */
    public LinearTask {
        Objects.requireNonNull(teacher, "teacher");
        if (teacher.rows() != OUTPUTS || teacher.cols() != INPUTS) {
            throw new IllegalArgumentException("the teacher must be " + OUTPUTS + "x" + INPUTS + ", got " + teacher.shape());
        }
        requireTaskShape("train", train);
        requireTaskShape("test", test);
    }

    private static void requireTaskShape(String name, Dataset d) {
        Objects.requireNonNull(d, name);
        if (d.inputSize() != INPUTS || !d.hasTargets() || d.targetSize() != OUTPUTS) {
            throw new IllegalArgumentException(name + " must have " + INPUTS + " inputs and " + OUTPUTS + " targets per example, got "
                    + d);
        }
    }

    /** Generates the task from {@code seed}: a fresh {@code T}, {@code trainSize} training and {@code testSize} test examples. */
    public static LinearTask generate(long seed, int trainSize, int testSize) {
        if (trainSize < 0 || testSize < 0) {
            throw new IllegalArgumentException("sizes must be >= 0, got trainSize = " + trainSize + ", testSize = " + testSize);
        }
        RandomStream teacherStream = Seeds.stream(seed, "teacher");
        Matrix t = Matrix.zeros(OUTPUTS, INPUTS);
        for (int i = 0; i < OUTPUTS; i++) {
            for (int j = 0; j < INPUTS; j++) {
                t.set(i, j, (float) teacherStream.uniform(-1.0, 1.0));
            }
        }
        return new LinearTask(t, sample(t, trainSize, Seeds.stream(seed, "train")),
                sample(t, testSize, Seeds.stream(seed, "test")));
    }

    private static Dataset sample(Matrix t, int n, RandomStream stream) {
        Matrix x = stream.gaussianMatrix(n, INPUTS);
        return new Dataset(x, apply(t, x), null);
    }

    /** {@code T x} for every row {@code x} of {@code inputs}, accumulated in double, rounded once to float. */
    static Matrix apply(Matrix t, Matrix inputs) {
        Matrix y = Matrix.zeros(inputs.rows(), t.rows());
        for (int r = 0; r < inputs.rows(); r++) {
            for (int i = 0; i < t.rows(); i++) {
                double s = 0;
                for (int j = 0; j < t.cols(); j++) {
                    s += (double) t.get(i, j) * inputs.get(r, j);
                }
                y.set(r, i, (float) s);
            }
        }
        return y;
    }
}
