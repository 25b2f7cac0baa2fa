package io.devstack.infra;

/**
 * Where long work reports what it is doing (downloads, unpacking, waiting for a server), one line per step.
 * The CLI prints these; tests and background callers pass {@link #SILENT}.
 */
@FunctionalInterface
public interface Progress {

    Progress SILENT = message -> {};

    /** Reports one step, e.g. "postgres: unpacking PostgreSQL 17.11 binaries (first run only)". */
    void step(String message);

    /** Progress lines on standard error, so the command's real output on stdout stays parseable. */
    static Progress console() {
        return message -> System.err.println("  \u2022 " + message);
    }
}
