package io.devstack.common.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.devstack.common.json.Json;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the access log of docs/api-contract.md: one JSON line per request, keys exactly {@code timestamp, level,
 * logger, message, request_id, method, path, route, status, duration_ms, client_ip, implementation}. It writes to
 * stdout itself rather than through the framework's logging backend, whose layouts differ across the five.
 * Only the path is logged, never the query string (it may carry cache values).
 */
public final class RequestLog {

    public static final String LOGGER = "io.devstack.access";

    /** One line, keys in contract order. */
    public record Line(
            String timestamp,
            String level,
            String logger,
            String message,
            @JsonProperty("request_id") String requestId,
            String method,
            String path,
            String route,
            int status,
            @JsonProperty("duration_ms") double durationMs,
            @JsonProperty("client_ip") String clientIp,
            String implementation) {}

    private final String implementation;
    private final PrintStream out;
    private final Clock clock;

    /** @param implementation the module name, e.g. {@code api-vertx} */
    public RequestLog(String implementation) {
        // buffered, flushed once per line by write(): one system call per request instead of two
        this(
                implementation,
                new PrintStream(
                        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14),
                        false,
                        StandardCharsets.UTF_8),
                Clock.systemUTC());
    }

    public RequestLog(String implementation, PrintStream out, Clock clock) {
        this.implementation = implementation;
        this.out = out;
        this.clock = clock;
    }

    public Line line(
            String requestId, String method, String path, String route, int status, long nanos, String clientIp) {
        String timestamp = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        double durationMs = Math.round(nanos / 1_000.0) / 1_000.0;
        return new Line(
                timestamp,
                "INFO",
                LOGGER,
                "request completed",
                requestId,
                method,
                path,
                route,
                status,
                durationMs,
                clientIp,
                implementation);
    }

    public void write(Line line) {
        byte[] json = Json.bytes(line);
        synchronized (out) {
            out.write(json, 0, json.length);
            out.write('\n');
            out.flush();
        }
    }
}
