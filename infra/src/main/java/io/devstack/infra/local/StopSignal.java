package io.devstack.infra.local;

/** The signal that asks a server for its clean, fast shutdown. */
public enum StopSignal {
    /** The usual polite stop (Redis saves, MariaDB and OpenBao close, our JVMs run their shutdown hooks). */
    TERM,
    /** PostgreSQL's "fast" shutdown: SIGTERM there waits for every client to disconnect. */
    INT
}
