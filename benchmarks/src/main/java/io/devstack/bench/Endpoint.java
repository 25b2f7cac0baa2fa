package io.devstack.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The endpoints the harness drives, the same request on every API. Every one answers 200 by contract when the
 * stack is healthy, so any other status is counted as a failure.
 */
public enum Endpoint {
    HEALTH("health", "GET", "/health/", Map.of(), null),
    CACHE_GET("cache-get", "GET", "/examples/cache/" + Endpoint.CACHE_KEY, Map.of(), null),
    CACHE_SET(
            "cache-set",
            "POST",
            "/examples/cache/" + Endpoint.CACHE_KEY + "?value=benchmark-value&ttl=3600",
            Map.of(),
            null),
    POSTGRES("postgres", "GET", "/examples/database/postgres/query", Map.of(), null),
    MYSQL("mysql", "GET", "/examples/database/mysql/query", Map.of(), null),
    MONGODB("mongodb", "GET", "/examples/database/mongodb/query", Map.of(), null),
    VAULT("vault", "GET", "/examples/vault/secret/postgres", Map.of(), null),
    PUBLISH(
            "publish",
            "POST",
            "/examples/messaging/publish?queue_name=" + Endpoint.QUEUE,
            Map.of("Content-Type", "application/json"),
            "{\"benchmark\":true,\"n\":42}"),
    HEALTH_ALL("health-all", "GET", "/health/all", Map.of("Cache-Control", "no-cache"), null);

    /** The key cache GET reads and cache SET writes (set before the first GET, so GET is a hit). */
    public static final String CACHE_KEY = "bench:key";
    /** The queue publish writes to; the harness purges it after each run so the broker does not fill up. */
    public static final String QUEUE = "bench.queue";

    private final String id;
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final String body;

    Endpoint(String id, String method, String path, Map<String, String> headers, String body) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    /** The short name used in options and the report, e.g. {@code cache-get}. */
    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> headers() {
        return headers;
    }
    /** The request body, or null. */
    public String body() {
        return body;
    }

    /** {@code GET /examples/cache/bench:key} as the report shows it (without the query string). */
    public String label() {
        int query = path.indexOf('?');
        return method + " " + (query < 0 ? path : path.substring(0, query));
    }

    public static Endpoint byId(String id) {
        return Arrays.stream(values())
                .filter(e -> e.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + id + "'; choose from " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Endpoint::id).toList();
    }
}
