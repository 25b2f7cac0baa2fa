package io.devstack.infra.local;

import java.util.Locale;

/** What a service's pid file says about it: running, stopped (no pid file) or crashed (pid file, no process). */
public record ProcessState(String service, Status status, long pid) {

    public enum Status {
        RUNNING,
        STOPPED,
        CRASHED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public String label() {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
