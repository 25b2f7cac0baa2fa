package io.devstack.infra.runtime;

/** {@code health} of one service: the outcome of a real authenticated call. */
public record ServiceHealth(String service, String address, boolean healthy, String detail) {}
