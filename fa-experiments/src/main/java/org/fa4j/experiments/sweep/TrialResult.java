package org.fa4j.experiments.sweep;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What running a {@link Trial} gives: the curves, or the reason it diverged, and where and how long it ran. The
 * result file keeps the curves and the kernel path, never the host, process or time, so that it is the same wherever
 * the trial runs.
 *
 * @param key               the trial's key
 * @param status            "complete" or "diverged"
 * @param message           why training diverged, or null
 * @param testErrorPerEpoch test error (fraction) before training and after each epoch (up to the divergence)
 * @param trainLossPerEpoch the mean training loss of each epoch
 * @param kernels           the kernel path the trial ran on, e.g. "vector-512" or "scalar"
 * @param host              the host it ran on
 * @param pid               the process it ran in
 * @param seconds           its wall time, data loading excluded
 */
public record TrialResult(String key, String status, String message, double[] testErrorPerEpoch, double[] trainLossPerEpoch,
                          String kernels, String host, long pid, double seconds) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the status and copies the arrays. */
    public TrialResult {
        Objects.requireNonNull(key, "key");
        if (!"complete".equals(status) && !"diverged".equals(status)) {
            throw new IllegalArgumentException("status is " + status + "; expected complete or diverged");
        }
        testErrorPerEpoch = testErrorPerEpoch.clone();
        trainLossPerEpoch = trainLossPerEpoch.clone();
    }

    @Override
    public double[] testErrorPerEpoch() {
        return testErrorPerEpoch.clone();
    }

    @Override
    public double[] trainLossPerEpoch() {
        return trainLossPerEpoch.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialResult r && key.equals(r.key) && status.equals(r.status) && Objects.equals(message, r.message)
                && Arrays.equals(testErrorPerEpoch, r.testErrorPerEpoch) && Arrays.equals(trainLossPerEpoch, r.trainLossPerEpoch)
                && kernels.equals(r.kernels) && host.equals(r.host) && pid == r.pid && seconds == r.seconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, status, Arrays.hashCode(testErrorPerEpoch));
    }

    @Override
    public String toString() {
        return "TrialResult[" + key + ", " + status + (message == null ? "" : " (" + message + ")") + ", testError "
                + Arrays.toString(testErrorPerEpoch) + ", " + kernels + ", pid " + pid + "@" + host + ", " + seconds + " s]";
    }
}
