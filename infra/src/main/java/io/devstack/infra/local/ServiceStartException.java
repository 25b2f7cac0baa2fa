package io.devstack.infra.local;

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
}
