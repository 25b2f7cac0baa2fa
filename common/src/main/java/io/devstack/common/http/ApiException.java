package io.devstack.common.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contract error: one subclass per envelope {@code error} name of docs/api-contract.md. {@link ErrorResponses}
 * renders it; no stack trace is captured because these are expected outcomes, not bugs.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    protected ApiException(
            int status, String error, String message, Map<String, ?> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    protected ApiException(int status, String error, String message, Map<String, ?> details) {
        this(status, error, message, details, Map.of());
    }

    public int status() {
        return status;
    }

    /** The envelope's {@code error} name, e.g. {@code "ResourceNotFound"}. */
    public String error() {
        return error;
    }

    /** The envelope's {@code details}, in key order; empty when there is nothing to add. */
    public Map<String, Object> details() {
        return details;
    }

    /** Headers the error response must carry (Allow, Retry-After, X-RateLimit-*). */
    public Map<String, String> headers() {
        return headers;
    }

    /** An ordered details map (Map.of would lose the order docs/api-contract.md fixes). */
    protected static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
