package org.fa4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels. (First cut: the species constant and delegation to the scalar loops; the register-blocked
 * GEMM and vectorised element-wise kernels replace the delegation.)
 */
final class VectorKernels implements Kernels {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    static final VectorKernels INSTANCE = new VectorKernels();

    private static final Kernels FALLBACK = ScalarKernels.INSTANCE;

    private VectorKernels() {
    }

    static int preferredBits() {
        return SPECIES.vectorBitSize();
    }

    @Override public void gemm(Op opA, Op opB, float alpha, Matrix a, Matrix b, float beta, Matrix c, int r0, int r1) { FALLBACK.gemm(opA, opB, alpha, a, b, beta, c, r0, r1); }
    @Override public void gemv(Op opA, float alpha, Matrix a, Matrix x, float beta, Matrix y) { FALLBACK.gemv(opA, alpha, a, x, beta, y); }
    @Override public void ger(float alpha, Matrix x, Matrix y, Matrix a) { FALLBACK.ger(alpha, x, y, a); }
    @Override public void logistic(Matrix in, Matrix out) { FALLBACK.logistic(in, out); }
    @Override public void tanh(Matrix in, Matrix out) { FALLBACK.tanh(in, out); }
    @Override public void relu(Matrix in, Matrix out) { FALLBACK.relu(in, out); }
    @Override public void logisticDerivative(Matrix a, Matrix out) { FALLBACK.logisticDerivative(a, out); }
    @Override public void tanhDerivative(Matrix a, Matrix out) { FALLBACK.tanhDerivative(a, out); }
    @Override public void reluDerivative(Matrix a, Matrix out) { FALLBACK.reluDerivative(a, out); }
    @Override public void hadamard(Matrix a, Matrix b, Matrix out) { FALLBACK.hadamard(a, b, out); }
    @Override public void sub(Matrix a, Matrix b, Matrix out) { FALLBACK.sub(a, b, out); }
    @Override public void axpy(float alpha, Matrix x, Matrix y) { FALLBACK.axpy(alpha, x, y); }
    @Override public void scale(float alpha, Matrix x) { FALLBACK.scale(alpha, x); }
    @Override public void addRowVector(Matrix m, Matrix row) { FALLBACK.addRowVector(m, row); }
    @Override public void columnSums(Matrix m, Matrix out) { FALLBACK.columnSums(m, out); }
    @Override public void argmaxRows(Matrix m, int[] out) { FALLBACK.argmaxRows(m, out); }
    @Override public float dot(Matrix a, Matrix b) { return FALLBACK.dot(a, b); }
    @Override public float squaredNorm(Matrix a) { return FALLBACK.squaredNorm(a); }
}
