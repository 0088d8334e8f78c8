package org.fa4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code fa4j} command: reproduce the paper's figures, train any configured network, fetch the data, check the
 * theorems. Exit codes: 0 success, 1 a run failed, 2 a bad flag or argument (named in the message).
 */
@Command(name = "fa4j", mixinStandardHelpOptions = true, version = "fa4j 0.1.0-SNAPSHOT",
        description = "Feedback alignment (Lillicrap et al., arXiv:1411.0247): reproduce the paper end to end.",
        subcommands = {FetchDataCommand.class, ReproduceCommand.class, TrainCommand.class, CheckCommand.class, IndexCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("fa4j.command", "./fa4j " + String.join(" ", args));
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("fa4j: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("FA4J_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
