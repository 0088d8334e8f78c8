package org.fa4j.analysis;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Command-line entry point: {@code TheoremSuiteMain <output-directory> [--full]} runs {@link TheoremSuite}, writes
 * {@code theorem-report.json} and {@code theorem-summary.md} into the directory, prints the summary table, and exits
 * with status 0 when every check came out as predicted, 1 when one did not, 2 on a usage error.
 */
public final class TheoremSuiteMain {
    private TheoremSuiteMain() {
    }

    /** Runs the suite; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--full"))
                || args[0].startsWith("-")) {
            System.err.println("usage: TheoremSuiteMain <output-directory> [--full]");
            System.exit(2);
            return;
        }
        Path dir = Path.of(args[0]);
        SuiteReport report = TheoremSuite.runAll(args.length == 2 ? SuiteOptions.full() : SuiteOptions.quick());
        report.writeJson(dir.resolve("theorem-report.json"));
        report.writeSummary(dir.resolve("theorem-summary.md"));
        System.out.print(report.summaryTable());
        System.out.println("Wrote " + dir.resolve("theorem-report.json") + " and " + dir.resolve("theorem-summary.md"));
        System.exit(report.allAsPredicted() ? 0 : 1);
    }
}
