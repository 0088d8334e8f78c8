package org.fa4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fa4j.analysis.SuiteOptions;
import org.fa4j.analysis.SuiteReport;
import org.fa4j.analysis.TheoremSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa4j check}: runs the theorem suite ({@link TheoremSuite}: eq. 14, Theorem 1, Fig. 3, Lemma 5, ...), writes
 * {@code theorem-report.json} and {@code theorem-summary.md} under {@code --out}; exit code 1 if a check did not come
 * out as predicted.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the paper's theorems numerically (the theorem suite).")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Option(names = "--full", description = "the full-size checks (slower)")
    boolean full;

    @Override
    public Integer call() throws Exception {
        ResultsFolder.prepare(out); // before the checks run
        SuiteReport report = TheoremSuite.runAll(full ? SuiteOptions.full() : SuiteOptions.quick());
        report.writeJson(out.resolve("theorem-report.json"));
        report.writeSummary(out.resolve("theorem-summary.md"));
        System.out.print(report.summaryTable());
        System.out.println("fa4j: wrote " + out.resolve("theorem-report.json") + " and " + out.resolve("theorem-summary.md"));
        return report.allAsPredicted() ? 0 : 1;
    }
}
