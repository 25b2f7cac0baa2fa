package io.devstack.infra.local;

import io.devstack.infra.runtime.LogTailText;
import java.util.List;

/** A service did not become ready: a one-line reason and the last lines of its log (never a stack trace). */
public class ServiceStartException extends RuntimeException {

    private final String service;
    private final List<String> logTail;

    public ServiceStartException(String service, String reason, List<String> logTail) {
        super(service + ": " + reason);
        this.service = service;
        this.logTail = List.copyOf(logTail);
    }

    public String service() {
        return service;
    }

    public List<String> logTail() {
        return logTail;
    }

    /** The reason and the log's last lines, for stack traces (a failed test shows why the service did not start). */
    @Override
    public String toString() {
        return LogTailText.append(super.toString(), logTail);
    }
}
