package org.fa4j.simd.internal;

import org.fa4j.simd.Linalg;

/**
 * The element-wise operations that {@link GemmPool#columns} can split between threads by columns: a unary one
 * ({@code out = f(a)}), a binary one ({@code out = a ∘ b}, {@code a − b}), a bias ({@code out += b} for the row
 * {@code b}) or a derivative product ({@code out ∘= f'} from the activation {@code a}).
 */
public enum ElementwiseOp {
    LOGISTIC, TANH, RELU, LOGISTIC_DERIVATIVE, TANH_DERIVATIVE, RELU_DERIVATIVE, HADAMARD, SUB, ADD_ROW,
    TIMES_LOGISTIC_DERIVATIVE, TIMES_TANH_DERIVATIVE, TIMES_RELU_DERIVATIVE;

    /** The derivative product of {@code f}. */
    public static ElementwiseOp times(Linalg.Derivative f) {
        return switch (f) {
            case LOGISTIC -> TIMES_LOGISTIC_DERIVATIVE;
            case TANH -> TIMES_TANH_DERIVATIVE;
            case RELU -> TIMES_RELU_DERIVATIVE;
        };
    }
}
