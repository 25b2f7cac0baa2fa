package io.devstack.infra.runtime;

import java.util.List;

/** {@code status} of one service: running, stopped or crashed (then with its last log lines). */
public record ServiceStatus(String service, String address, String state, long pid, List<String> logTail) {

    public ServiceStatus {
        logTail = List.copyOf(logTail);
    }

    public boolean crashed() {
        return "crashed".equals(state);
    }
}
