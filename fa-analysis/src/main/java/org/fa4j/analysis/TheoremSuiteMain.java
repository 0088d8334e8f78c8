package org.fa4j.analysis;

import java.io.IOException;
import java.io.PrintStream;
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
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the suite and returns the exit status instead of exiting. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--full"))
                || args[0].startsWith("-")) {
            err.println("usage: TheoremSuiteMain <output-directory> [--full]; got " + java.util.Arrays.toString(args));
            return 2;
        }
        Path dir = Path.of(args[0]);
        SuiteReport report = TheoremSuite.runAll(args.length == 2 ? SuiteOptions.full() : SuiteOptions.quick());
        report.writeJson(dir.resolve("theorem-report.json"));
        report.writeSummary(dir.resolve("theorem-summary.md"));
        out.print(report.summaryTable());
        out.println("Wrote " + dir.resolve("theorem-report.json") + " and " + dir.resolve("theorem-summary.md"));
        return report.allAsPredicted() ? 0 : 1;
    }
}
