package io.devstack.infra.runtime;

import java.util.List;

/**
 * A failure the user can act on: one line "what failed — what to do", an exit code, and optionally the
 * lines that explain it (a server's last log lines). The CLI prints exactly that, no stack trace.
 */
public class StackException extends RuntimeException {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_PORT_IN_USE = 3;
    public static final int EXIT_NOT_RUNNING = 4;
    public static final int EXIT_UNSUPPORTED = 5;

    private final int exitCode;
    private final List<String> details;

    public StackException(String message, int exitCode, List<String> details, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public StackException(String message, int exitCode) {
        this(message, exitCode, List.of(), null);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> details() {
        return details;
    }

    /**
     * The message and the lines that explain it: what a stack trace (a failed test, a log) shows, so a service that
     * would not start names its cause there too, not only in the CLI's output.
     */
    @Override
    public String toString() {
        return LogTailText.append(super.toString(), details);
    }
}
