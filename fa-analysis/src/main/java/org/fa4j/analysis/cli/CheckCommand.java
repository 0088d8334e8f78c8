package org.fa4j.analysis.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code fa4j check}: runs the theorem suite of org.fa4j.analysis (eq. 14, Theorem 1, Fig. 3, ...). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the paper's theorems numerically (the theorem suite).")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return TheoremSuiteBridge.run();
    }
}
