package io.devstack.infra.model;

/** How the no-Docker runtime treats a service. */
public enum NativeSupport {
    /** Run as a local process by the native runtime. */
    NATIVE,
    /** A reference API: its own JVM from its module's jar, started by {@code up --profile reference}. */
    API_MODULE,
    /** Needs its container image; listed as "compose only" by the native runtime. */
    COMPOSE_ONLY
}
