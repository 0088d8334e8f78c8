package org.fa4j.core;

/**
 * Thrown when training produced a NaN or an infinity. It names the step (the update's number,
 * counted from 1 since the trainer was built; after an epoch, the epoch's last update), the layer ({@code 0} is the first weight layer) and the quantity (e.g. {@code weights}, {@code delta},
 * {@code activation}, {@code output error}); the parameters keep the values they had when it was detected.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final int layer;
    private final String quantity;

    /** A new exception for {@code quantity} of {@code layer} at {@code step}. */
    public TrainingDivergedException(long step, int layer, String quantity) {
        super("training diverged at step " + step + ": non-finite " + quantity + " (NaN or Inf) in layer " + layer
                + "; try a smaller learning rate");
        this.step = step;
        this.layer = layer;
        this.quantity = quantity;
    }

    /** The step at which the value was found. */
    public long step() {
        return step;
    }

    /** The layer holding it. */
    public int layer() {
        return layer;
    }

    /** What it was: {@code input}, {@code target}, {@code weights}, {@code bias}, {@code feedback}, {@code activation},
     * {@code output error}, {@code delta}. */
    public String quantity() {
        return quantity;
    }
}
