package io.devstack.common.resilience;

/**
 * A backend that is up refused this one request without a driver exception of its own, e.g. the AMQP broker's nack
 * of a message a full queue will not take. {@link BackendCalls} answers it {@code 503 request_refused} and leaves the
 * breaker as it was (see {@link BackendFailures#isRequestRefusal}).
 */
public final class RequestRefusedException extends RuntimeException {

    public RequestRefusedException(String message) {
        super(message);
    }
}
