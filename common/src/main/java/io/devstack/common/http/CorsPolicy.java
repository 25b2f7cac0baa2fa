package io.devstack.common.http;

import io.devstack.common.ApiModule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CORS decision of docs/api-contract.md, made here instead of by each framework's CORS support (which would write
 * different headers). Origins match exactly (scheme, host and port). An allowed origin is echoed with
 * credentials allowed; a disallowed or absent origin gets no Access-Control-* header at all. Every response
 * to a request that carries an Origin gets {@code Vary: Origin}, so a cache never hands one origin's answer
 * to another.
 */
public final class CorsPolicy {

    public static final String ENV_VAR = "CORS_ALLOWED_ORIGINS";
    public static final String ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
    public static final String ALLOW_HEADERS =
            "Accept, Accept-Language, Content-Language, Content-Type, Cache-Control, X-Request-ID";
    public static final String EXPOSE_HEADERS =
            "X-Request-ID, X-Cache, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";
    public static final int MAX_AGE_SECONDS = 600;

    /**
     * The origins allowed when {@value #ENV_VAR} is unset: localhost and 127.0.0.1 on a front-end dev server's ports
     * (3000, 8080) and on the five APIs' HTTP ports (8000–8004, from {@link ApiModule}).
     */
    public static final List<String> DEFAULT_ORIGINS = Stream.of("localhost", "127.0.0.1")
            .flatMap(host -> defaultOriginPorts().map(port -> "http://" + host + ":" + port))
            .toList();

    private final Set<String> allowedOrigins;

    /** @param allowedOrigins exact origins, as {@code ApiSettings} parsed them from {@value #ENV_VAR} */
    public CorsPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    /** A preflight: OPTIONS with both Origin and Access-Control-Request-Method. */
    public static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    /** Headers for an ordinary (non-preflight) response. */
    public Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin == null) {
            return headers;
        }
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
            headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        headers.put("Vary", "Origin");
        return headers;
    }

    /** Headers for a preflight answer (always 200; CORS headers only for an allowed origin). */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
            headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
            headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
            headers.put("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
        }
        headers.put("Vary", "Origin");
        return headers;
    }

    private static Stream<Integer> defaultOriginPorts() {
        Stream<Integer> apiPorts = Arrays.stream(ApiModule.values()).map(ApiModule::httpPort);
        return Stream.of(Stream.of(3000), apiPorts, Stream.of(8080)).flatMap(ports -> ports);
    }
}
