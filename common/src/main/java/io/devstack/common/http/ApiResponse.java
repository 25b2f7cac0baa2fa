package io.devstack.common.http;

import io.devstack.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an API writes: status, content type, body bytes and extra headers. Every service method an endpoint
 * calls returns one, so the five frameworks write the same bytes by construction.
 *
 * @param headers extra response headers in insertion order (Content-Type is {@code contentType}, not here)
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String APPLICATION_JSON = "application/json";

    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code body} rendered by {@link Json}: record/LinkedHashMap key order, nulls written. */
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, APPLICATION_JSON, Json.bytes(body), Map.of());
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A redirect with an empty body, e.g. {@code GET /health} → {@code 307 Location: /health/}. */
    public static ApiResponse redirect(int status, String location) {
        return new ApiResponse(status, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    /** A copy with {@code name: value} added (replacing a header of the same name). */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, contentType, body, copy);
    }

    /** A copy with every entry of {@code extra} added. */
    public ApiResponse withHeaders(Map<String, String> extra) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(extra);
        return new ApiResponse(status, contentType, body, copy);
    }

    /** The body as UTF-8 text (for tests and logs of non-secret bodies). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiResponse r
                && status == r.status
                && contentType.equals(r.contentType)
                && Arrays.equals(body, r.body)
                && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), headers);
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", contentType=" + contentType + ", bytes=" + body.length + ", headers="
                + headers + "]";
    }
}
