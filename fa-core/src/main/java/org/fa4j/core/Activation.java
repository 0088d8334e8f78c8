package org.fa4j.core;

import org.fa4j.simd.Linalg;
import org.fa4j.simd.Matrix;

/**
 * The activation function of a layer: identity (the paper's linear Task 1), logistic (MNIST, PAPER §2.3), tanh
 * (Task 3, PAPER §2.4) or ReLU.
 *
 * <p>Derivatives are computed from the activation value {@code y = f(a)}, not from {@code a}, so a training step keeps
 * only activations: {@code σ' = y(1−y)}, {@code tanh' = 1−y²}, {@code relu' = [y > 0]}, identity' = 1.
 */
public sealed interface Activation permits Activation.Identity, Activation.Logistic, Activation.Tanh, Activation.Relu {

    /** {@code f(a) = a}. */
    record Identity() implements Activation {
        @Override public String name() { return "identity"; }
        @Override public void apply(Linalg la, Matrix inOut) { }
        @Override public void derivative(Linalg la, Matrix activation, Matrix out) { out.fill(1f); }
        @Override public void timesDerivative(Linalg la, Matrix activation, Matrix delta) { }
        @Override public double value(double a) { return a; }
        @Override public double derivativeAt(double a) { return 1; }
    }

    /** {@code f(a) = 1 / (1 + e^{−a})}. */
    record Logistic() implements Activation {
        @Override public String name() { return "logistic"; }
        @Override public void apply(Linalg la, Matrix inOut) { la.logistic(inOut, inOut); }
        @Override public void derivative(Linalg la, Matrix activation, Matrix out) { la.logisticDerivative(activation, out); }
        @Override public void timesDerivative(Linalg la, Matrix activation, Matrix delta) {
            la.timesDerivative(Linalg.Derivative.LOGISTIC, activation, delta);
        }
        @Override public double value(double a) { return 1 / (1 + Math.exp(-a)); }
        @Override public double derivativeAt(double a) { double y = value(a); return y * (1 - y); }
    }

    /** {@code f(a) = tanh(a)}. */
    record Tanh() implements Activation {
        @Override public String name() { return "tanh"; }
        @Override public void apply(Linalg la, Matrix inOut) { la.tanh(inOut, inOut); }
        @Override public void derivative(Linalg la, Matrix activation, Matrix out) { la.tanhDerivative(activation, out); }
        @Override public void timesDerivative(Linalg la, Matrix activation, Matrix delta) {
            la.timesDerivative(Linalg.Derivative.TANH, activation, delta);
        }
        @Override public double value(double a) { return Math.tanh(a); }
        @Override public double derivativeAt(double a) { double y = Math.tanh(a); return 1 - y * y; }
    }

    /** {@code f(a) = max(a, 0)}. */
    record Relu() implements Activation {
        @Override public String name() { return "relu"; }
        @Override public void apply(Linalg la, Matrix inOut) { la.relu(inOut, inOut); }
        @Override public void derivative(Linalg la, Matrix activation, Matrix out) { la.reluDerivative(activation, out); }
        @Override public void timesDerivative(Linalg la, Matrix activation, Matrix delta) {
            la.timesDerivative(Linalg.Derivative.RELU, activation, delta);
        }
        @Override public double value(double a) { return Math.max(a, 0); }
        @Override public double derivativeAt(double a) { return a > 0 ? 1 : 0; }
    }

    /** The identity. */
    static Activation identity() { return new Identity(); }

    /** The logistic sigmoid. */
    static Activation logistic() { return new Logistic(); }

    /** The hyperbolic tangent. */
    static Activation tanh() { return new Tanh(); }

    /** The rectified linear unit. */
    static Activation relu() { return new Relu(); }

    /** The activation called {@code name} ({@code identity}, {@code logistic}, {@code tanh}, {@code relu}). */
    static Activation named(String name) {
        return switch (name) {
            case "identity", "linear" -> identity();
            case "logistic", "sigmoid" -> logistic();
            case "tanh" -> tanh();
            case "relu" -> relu();
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; expected identity, logistic, tanh or relu");
        };
    }

    /** The name used in JSON and messages. */
    String name();

    /** Replaces every element {@code a} of {@code inOut} by {@code f(a)}. */
    void apply(Linalg la, Matrix inOut);

    /** {@code out = f'(a)} element-wise, computed from {@code activation = f(a)}; {@code out} may be {@code activation}. */
    void derivative(Linalg la, Matrix activation, Matrix out);

    /**
     * {@code delta ∘= f'(a)}, computed from {@code activation = f(a)} in one pass; the same bits as {@link #derivative}
     * into a buffer followed by a Hadamard product (nothing to do for the identity).
     */
    void timesDerivative(Linalg la, Matrix activation, Matrix delta);

    /** {@code f(a)} in float64: for references and tests. */
    double value(double a);

    /** {@code f'(a)} in float64: for references and tests. */
    double derivativeAt(double a);
}
