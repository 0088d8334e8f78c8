package org.fa4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.fa4j.cli.progress.Logging;
import org.fa4j.cli.progress.Stderr;
import org.fa4j.cli.progress.Verbosity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code fa4j} command: reproduce the paper's figures, train any configured network, fetch the data, check the
 * theorems. Results and summaries go to stdout; progress, log lines and errors to stderr.
 *
 * <p>An error is one line on stderr, {@code fa4j: <message>}; a usage error adds {@code see: fa4j CMD --help}.
 * {@code --debug} (or the environment variable {@code FA4J_DEBUG=1}) adds the stack trace. Exit status: 0 success; 1 a
 * run failed, or {@code check} found a prediction that did not hold; 2 a usage error (a bad flag or argument, named in
 * the message); 130 interrupted (Ctrl-C, SIGINT).
 */
@Command(name = "fa4j", mixinStandardHelpOptions = true, version = "fa4j 0.1.0-SNAPSHOT",
        description = "Feedback alignment (Lillicrap et al., arXiv:1411.0247): reproduce the paper end to end.",
        subcommands = {FetchDataCommand.class, ReproduceCommand.class, TrainCommand.class, CheckCommand.class, IndexCommand.class, SweepCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success",
                "1:a run failed, or check found a prediction that did not hold",
                "2:usage error: a bad flag or argument (the message names it)",
                "130:interrupted (Ctrl-C)"})
public final class Main implements Runnable {
    /** The exit status of a failed run. */
    static final int FAILURE = 1;
    /** The exit status of a usage error. */
    static final int USAGE = 2;

    /** Set once the command has returned: the shutdown hook then knows the JVM is not being interrupted. */
    private static volatile boolean finished;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private boolean quiet;
    private boolean verbose;
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "warnings and errors only; no progress")
    void quiet(boolean q) {
        quiet = q;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "debug messages too; on a terminal every epoch or trial above the progress bar")
    void verbose(boolean v) {
        verbose = v;
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "print an error's stack trace (also: FA4J_DEBUG=1)")
    void debug(boolean d) {
        debug = d;
    }

    /** Runs the command line and exits with its status; a Ctrl-C ends the bar's row and says so. */
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished && !InterruptNotice.active()) { // a command's notice says more, and says it once
                Stderr.lastLine("fa4j: interrupted");
            }
        }, "fa4j-interrupted"));
        int status = execute(args);
        finished = true;
        System.exit(status);
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("fa4j.command", "./fa4j " + String.join(" ", args));
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(parsed -> {
            List<CommandLine> chain = parsed.asCommandLineList();
            main.configureOutput(chain.get(chain.size() - 1));
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, given) -> {
            Stderr.line("fa4j: " + Errors.usage(ex));
            Stderr.line("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            StringBuilder sb = new StringBuilder("fa4j: ").append(Errors.describe(ex));
            if (main.stackTraces()) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                sb.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            }
            Stderr.line(sb.toString());
            return FAILURE;
        });
        return cl.execute(args);
    }

    /** Applies {@code -q}, {@code -v} and {@code --debug}: the progress display's mode and the libraries' log level. */
    private void configureOutput(CommandLine cl) {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(cl, "-q and -v contradict each other; give one of them");
        }
        Verbosity v = quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
        Stderr.configure(v, Stderr.detectTerminal());
        Logging.configure(v, stackTraces());
    }

    /** {@code --debug}, or FA4J_DEBUG set to anything but empty or 0. */
    private boolean stackTraces() {
        String env = System.getenv("FA4J_DEBUG");
        return debug || env != null && !env.isBlank() && !env.strip().equals("0");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
