package io.devstack.infra.runtime;

import java.util.List;

/**
 * {@code status} of one service: running, stopped, crashed or given up (the last two with its last log lines), and
 * how many times the native runtime's supervisor restarted it (0 in the Docker runtime, where Compose restarts).
 */
public record ServiceStatus(
        String service, String address, String state, long pid, int restarts, List<String> logTail) {

    /** The state of a service the supervisor left stopped after too many crashes. */
    public static final String GAVE_UP = "gave up";

    public ServiceStatus {
        logTail = List.copyOf(logTail);
    }

    public ServiceStatus(String service, String address, String state, long pid, List<String> logTail) {
        this(service, address, state, pid, 0, logTail);
    }

    /** Not running although it should: it crashed, or crashed so often that the supervisor gave up. */
    public boolean crashed() {
        return "crashed".equals(state) || GAVE_UP.equals(state);
    }

    public boolean gaveUp() {
        return GAVE_UP.equals(state);
    }
}
