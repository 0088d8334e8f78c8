package org.fa4j.analysis;

/**
 * How the forward weights {@code W_l} of one layer of a trained network line up with its feedback matrix
 * {@code B_l} (PAPER §1.2 and Supplement Proof #3: under feedback alignment {@code W} comes to act like the
 * pseudoinverse of {@code B}). Angles are between the matrices seen as vectors, <em>signed</em>: 0° is the same
 * direction, 90° orthogonal, 180° opposite (the paper's |cos| angle is {@code min(θ, 180° − θ)}); a random {@code W}
 * of this size sits near 90°.
 *
 * @param layer                   the weight layer {@code l} (1 for the first layer above the input layer's weights)
 * @param angleToPseudoinverse    {@code W_l ∡ B_l⁺} in degrees ({@code B_l⁺} in float64, singular values below
 *                                float32 rounding of the largest treated as zero)
 * @param angleToTranspose        {@code W_l ∡ B_lᵀ} in degrees
 */
public record LayerAlignment(int layer, double angleToPseudoinverse, double angleToTranspose) {
}
