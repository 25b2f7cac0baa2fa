package io.devstack.common.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** 429 RateLimited: the client IP used up its budget for this route; carries Retry-After and X-RateLimit-*. */
public final class RateLimitedException extends ApiException {

    /**
     * @param limit requests allowed per window
     * @param windowSeconds the window length
     * @param resetSeconds seconds until the budget refills (also Retry-After; at least 1)
     */
    public RateLimitedException(int limit, int windowSeconds, long resetSeconds) {
        super(
                429,
                "RateLimited",
                "Rate limit exceeded: " + limit + " per " + window(windowSeconds),
                ordered("limit", limit, "window_seconds", windowSeconds, "retry_after_seconds", resetSeconds),
                headers(limit, resetSeconds));
    }

    private static String window(int seconds) {
        return seconds == 60 ? "1 minute" : seconds + " seconds";
    }

    private static Map<String, String> headers(int limit, long resetSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(resetSeconds));
        headers.putAll(RateLimitHeaders.of(limit, 0, resetSeconds));
        return headers;
    }
}
