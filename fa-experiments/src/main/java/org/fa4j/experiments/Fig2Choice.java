package org.fa4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters that a {@code fig2.json} in the output directory chose on MNIST's validation split, for the
 * MNIST experiments that do not search themselves (family, figS1). It is used only when that file came from the same master seed, the
 * same {@code --quick} setting and the same search protocol (schedules, grids, budget); otherwise the reason goes into
 * the result's choices. A file that cannot be read or has an unexpected shape is reported the same way, never thrown.
 *
 * @param choice the chosen hyperparameters, or {@code null} when the file is not usable
 * @param why  where the values come from, or why the file is not used
 */
record Fig2Choice(MnistChoice choice, String why) {
    /** The summary fields read, in {@link MnistChoice}'s order. */
    private static final String[] KEYS = {"omega", "outputOmega", "beta", "fastEta", "shallowOmega", "shallowEta"};

    /** Whether {@link #choice} holds fig2.json's choices. */
    boolean usable() {
        return choice != null;
    }

    /**
     * Reads {@code out/fig2.json} and checks it against this run.
     *
     * @param protocol this run's {@link MnistExperiment#searchProtocol} string
     */
    static Fig2Choice read(Path out, long seed, boolean quick, String protocol) {
        Path f = out.resolve("fig2.json");
        if (!Files.exists(f)) {
            return new Fig2Choice(null, "there is no fig2.json in " + out + ".");
        }
        Object tree;
        try {
            tree = ExperimentResult.JSON.readValue(f.toFile(), Object.class);
        } catch (IOException e) {
            return new Fig2Choice(null, f + " cannot be read (" + e.getMessage() + ").");
        }
        if (!(tree instanceof Map<?, ?> m) || !(m.get("seeds") instanceof Map<?, ?> seeds)
                || !(m.get("config") instanceof Map<?, ?> config) || !(m.get("summary") instanceof Map<?, ?> s)) {
            return new Fig2Choice(null, f + " is not a fig2 result (no seeds, config and summary objects).");
        }
        Object master = seeds.get("master");
        if (!(master instanceof Number n) || n.longValue() != seed) {
            return new Fig2Choice(null, f + " was made with master seed " + master + ", this run uses " + seed + ".");
        }
        if (!Objects.equals(config.get("quick"), quick)) {
            return new Fig2Choice(null, f + " was made with quick = " + config.get("quick") + ", this run has quick = " + quick + ".");
        }
        if (!protocol.equals(s.get("searchProtocol"))) {
            return new Fig2Choice(null, f + " comes from another validation search (" + s.get("searchProtocol") + "; now: " + protocol + ").");
        }
        double[] v = new double[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            if (!(s.get(KEYS[i]) instanceof Number x) || !(x.doubleValue() > 0)) {
                return new Fig2Choice(null, f + " has no positive " + KEYS[i] + " in its summary (expected " + String.join(", ", KEYS) + ").");
            }
            v[i] = x.doubleValue();
        }
        return new Fig2Choice(new MnistChoice(v[0], v[1], v[2], v[3], v[4], v[5]),
                f.getFileName() + "'s validation search (same master seed " + seed + ", quick = " + quick + ", same search protocol).");
    }
}
