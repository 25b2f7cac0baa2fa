package io.devstack.infra.cli;

import io.devstack.infra.local.Readiness;
import io.devstack.infra.local.ServiceStartException;
import io.devstack.infra.runtime.StackException;
import io.devstack.infra.vault.VaultSetupException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * The one place failures become output: one line "what failed — what to do" on stderr (plus a server's last log
 * lines when that explains it) and an exit code. A stack trace only with {@code --verbose}.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int exit;
        List<String> details = List.of();
        String line;
        if (e instanceof StackException stack) {
            line = stack.getMessage();
            details = stack.details();
            exit = stack.exitCode();
        } else if (e instanceof ServiceStartException start) {
            line = start.getMessage() + " — see ./devstack logs " + start.service();
            details = start.logTail();
            exit = StackException.EXIT_FAILED;
        } else if (e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof UncheckedIOException
                || e instanceof VaultSetupException) {
            line = e.getMessage();
            exit = StackException.EXIT_FAILED;
        } else {
            line = "unexpected failure: " + Readiness.describe(e) + " — rerun with --verbose for the full cause";
            exit = StackException.EXIT_FAILED;
        }
        err.println(cli.getColorScheme().errorText("devstack: " + line));
        if (!details.isEmpty()) {
            err.println("  last log lines:");
            details.forEach(d -> err.println("  | " + d));
        }
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exit;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult current = parsed;
        while (current != null) {
            if (current.hasMatchedOption("--verbose")) {
                return true;
            }
            current = current.subcommand();
        }
        return false;
    }
}
