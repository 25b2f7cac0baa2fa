package io.devstack.common.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three X-RateLimit-* headers, written the same way on 429s and on allowed responses. */
public final class RateLimitHeaders {
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";

    private RateLimitHeaders() {}

    /** @param resetSeconds seconds until the window refills (delta seconds, not an epoch) */
    public static Map<String, String> of(int limit, int remaining, long resetSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Integer.toString(limit));
        headers.put(REMAINING, Integer.toString(remaining));
        headers.put(RESET, Long.toString(resetSeconds));
        return headers;
    }
}
