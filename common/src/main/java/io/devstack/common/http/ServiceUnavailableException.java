package io.devstack.common.http;

import java.util.Map;

/** 503 ServiceUnavailable: a backend is down, timed out or its circuit is open; carries Retry-After. */
public final class ServiceUnavailableException extends ApiException {

    /** Seconds a client should wait by default: a circuit breaker lets a trial call through after 3 s. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    /**
     * @param service one of vault, postgres, mysql, mongodb, redis, rabbitmq
     * @param reason a short machine-readable cause, e.g. {@code circuit_open}, {@code timeout},
     *     {@code connection_failed}
     */
    public ServiceUnavailableException(String service, String reason) {
        this(service, reason, DEFAULT_RETRY_AFTER_SECONDS);
    }

    public ServiceUnavailableException(String service, String reason, int retryAfterSeconds) {
        super(
                503,
                "ServiceUnavailable",
                "Service '" + service + "' is unavailable",
                ordered("service", service, "reason", reason),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
