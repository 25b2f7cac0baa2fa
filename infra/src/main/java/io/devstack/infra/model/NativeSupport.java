package io.devstack.infra.model;

/** How the no-Docker runtime treats a service. */
public enum NativeSupport {
    /** Run as a local process by the native runtime. */
    NATIVE,
    /** Started by its own module (the reference APIs are separate JVMs, not part of {@code devstack up}). */
    API_MODULE,
    /** Needs its container image; listed as "compose only" by the native runtime. */
    COMPOSE_ONLY
}
