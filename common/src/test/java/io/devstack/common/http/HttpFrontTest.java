package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.logging.RequestLog;
import io.devstack.common.metrics.ApiMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFrontTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ApiMetrics metrics = new ApiMetrics();
    private final HttpFront front = new HttpFront(
            new HostPolicy(List.of("devbox.lan")),
            new CorsPolicy(CorsPolicy.DEFAULT_ORIGINS),
            new RateLimits(RateLimits.CONTRACT_LIMITS, nanos::get),
            metrics,
            new RequestLog(
                    "api-javalin",
                    new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                    Clock.fixed(Instant.parse("2026-11-28T19:00:00.123456Z"), ZoneOffset.UTC)),
            nanos::get);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void anOrdinaryRequestPassesWithItsRequestId() {
        HttpFront.Exchange ex = front.begin("GET", "/health/", headers(Map.of("x-request-id", "abc")), "10.0.0.1");

        assertThat(ex.shortCircuit()).isEmpty();
        assertThat(ex.requestId()).isEqualTo("abc");
        assertThat(ex.route()).isEqualTo("/health/");
        assertThat(ex.responseHeaders()).containsExactly(Map.entry("X-Request-ID", "abc"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() {
        HttpFront.Exchange unknown = front.begin("GET", "/nope", headers(Map.of("X-Request-ID", "r1")), "10.0.0.1");
        ApiResponse notFound = unknown.shortCircuit().orElseThrow();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headers()).containsEntry("X-Request-ID", "r1");
        assertThat(notFound.bodyText())
                .isEqualTo("{\"error\":\"NotFound\",\"message\":\"No route matches /nope\","
                        + "\"status_code\":404,\"details\":{},\"request_id\":\"r1\"}");

        ApiResponse wrongMethod = front.begin("PUT", "/examples/cache/k", headers(Map.of()), "10.0.0.1")
                .shortCircuit()
                .orElseThrow();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers())
                .containsEntry("Allow", "DELETE, GET, POST")
                .containsKey("X-Request-ID");

        assertThat(front.begin("HEAD", "/", headers(Map.of()), "10.0.0.1")
                        .shortCircuit()
                        .orElseThrow()
                        .status())
                .isEqualTo(405);
    }

    @Test
    void aBrokenPercentEscapeInPathOrQueryIsAMalformedRequestWithoutCorsHeaders() {
        Map<String, String> fromAllowedOrigin = Map.of("Origin", "http://localhost:3000", "X-Request-ID", "m1");
        for (String target : new String[] {"/examples/cache/%zz", "/examples/cache/k?value=a&ttl=%zz", "/nope?x=%4"}) {
            ApiResponse malformed = front.begin("POST", target, headers(fromAllowedOrigin), "10.0.0.1")
                    .shortCircuit()
                    .orElseThrow();

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(new String(malformed.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"error\":\"BadRequest\",\"message\":\"Malformed request\",\"status_code\":400,"
                            + "\"details\":{},\"request_id\":\"m1\"}");
            assertThat(malformed.headers()).containsOnlyKeys("X-Request-ID");
        }
        assertThat(front.begin("GET", "/examples/cache/a%3Ab?value=%C3%BC", headers(Map.of()), "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
    }

    @Test
    void preflightIsAnswered200WithCorsHeadersForAnAllowedOrigin() {
        ApiResponse preflight = front.begin(
                        "OPTIONS",
                        "/examples/cache/k",
                        headers(Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST")),
                        "10.0.0.1")
                .shortCircuit()
                .orElseThrow();

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.headers())
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsKey("X-Request-ID");
    }

    @Test
    void aForeignHostIs403BeforeAnythingElseIsDecided() {
        for (String host :
                new String[] {"evil.example", "evil.example:8004", "localhost.evil.example", "127.0.0.2:80"}) {
            ApiResponse refused = front.begin(
                            "OPTIONS",
                            "/examples/cache/k",
                            headers(Map.of(
                                    "Host",
                                    host,
                                    "Origin",
                                    "http://localhost:3000",
                                    "Access-Control-Request-Method",
                                    "POST",
                                    "X-Request-ID",
                                    "h1")),
                            "10.0.0.1")
                    .shortCircuit()
                    .orElseThrow();

            assertThat(refused.status()).as(host).isEqualTo(403);
            assertThat(refused.headers()).containsOnlyKeys("X-Request-ID");
            assertThat(refused.bodyText())
                    .startsWith("{\"error\":\"Forbidden\",\"message\":\"Host '")
                    .endsWith(
                            "\"status_code\":403,\"details\":{\"reason\":\"host_not_allowed\"},\"request_id\":\"h1\"}");
        }
        for (String host :
                new String[] {"localhost", "LOCALHOST:8000", "127.0.0.1:8004", "[::1]:8001", "devbox.lan:8003"}) {
            assertThat(front.begin("GET", "/health/", headers(Map.of("Host", host)), "10.0.0.1")
                            .shortCircuit())
                    .as(host)
                    .isEmpty();
        }
    }

    @Test
    void aWriteFromAForeignOriginIs403AndAReadIsNot() {
        for (String method : new String[] {"POST", "DELETE"}) {
            ApiResponse refused = front.begin(
                            method,
                            "/examples/cache/k?value=x",
                            headers(Map.of("Origin", "http://evil.example")),
                            "10.0.0.1")
                    .shortCircuit()
                    .orElseThrow();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.bodyText()).contains("\"error\":\"Forbidden\"", "\"reason\":\"origin_not_allowed\"");
            assertThat(refused.headers())
                    .doesNotContainKey("Access-Control-Allow-Origin")
                    .containsEntry("Vary", "Origin");
        }
        assertThat(front.begin(
                                "POST",
                                "/examples/cache/k?value=x",
                                headers(Map.of("Origin", "http://localhost:3000")),
                                "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
        assertThat(front.begin("POST", "/examples/cache/k?value=x", headers(Map.of()), "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
        assertThat(front.begin("GET", "/examples/cache/k", headers(Map.of("Origin", "http://evil.example")), "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
    }

    @Test
    void moreThanAHundredQueryParametersAreRefusedBeforeAnyFrameworkParsesThem() {
        String many = "/examples/cache/k?" + "p=1&".repeat(100) + "p=1";
        ApiResponse refused = front.begin("GET", many, headers(Map.of()), "10.0.0.1")
                .shortCircuit()
                .orElseThrow();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("\"message\":\"More than 100 query parameters\"");
        assertThat(front.begin("GET", "/examples/cache/k?" + "p=1&".repeat(99) + "p=1", headers(Map.of()), "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() {
        HttpFront.Exchange ex =
                front.begin("GET", "/health/", headers(Map.of("Origin", "http://evil.example")), "10.0.0.1");
        assertThat(ex.responseHeaders().keySet()).noneMatch(h -> h.startsWith("Access-Control-"));

        ApiResponse preflight = front.begin(
                        "OPTIONS",
                        "/health/",
                        headers(Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "GET")),
                        "10.0.0.1")
                .shortCircuit()
                .orElseThrow();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().keySet()).noneMatch(h -> h.startsWith("Access-Control-"));
    }

    @Test
    void allowedOriginHeadersAreOnEveryResponseErrorsIncluded() {
        HttpFront.Exchange ex =
                front.begin("GET", "/examples/cache/k", headers(Map.of("Origin", "http://127.0.0.1:8000")), "10.0.0.1");
        ApiResponse error = ex.error(new ServiceUnavailableException("redis", "timeout"));

        assertThat(error.headers())
                .containsEntry("Access-Control-Allow-Origin", "http://127.0.0.1:8000")
                .containsEntry("Retry-After", "5")
                .containsEntry("X-Request-ID", ex.requestId());
    }

    @Test
    void the101stRootRequestIs429WithRateLimitHeadersAndAllowedOnesCarryThemToo() {
        for (int i = 1; i <= 100; i++) {
            HttpFront.Exchange ex = front.begin("GET", "/", headers(Map.of()), "10.0.0.9");
            assertThat(ex.shortCircuit()).isEmpty();
            assertThat(ex.responseHeaders()).containsEntry("X-RateLimit-Remaining", Integer.toString(100 - i));
        }
        ApiResponse limited = front.begin("GET", "/", headers(Map.of()), "10.0.0.9")
                .shortCircuit()
                .orElseThrow();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers())
                .containsEntry("Retry-After", "60")
                .containsEntry("X-RateLimit-Limit", "100")
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Reset", "60");
        assertThat(limited.bodyText()).startsWith("{\"error\":\"RateLimited\",");
        assertThat(front.begin("GET", "/health/", headers(Map.of()), "10.0.0.9").responseHeaders())
                .doesNotContainKey("X-RateLimit-Limit");
    }

    @Test
    void aDeclaredBodyOver10MiBIs413BeforeItIsRead() {
        String tooBig = Integer.toString(10 * 1024 * 1024 + 1);
        assertThat(front.begin("POST", "/examples/cache/k", headers(Map.of("Content-Length", tooBig)), "10.0.0.1")
                        .shortCircuit()
                        .orElseThrow()
                        .status())
                .isEqualTo(413);
        assertThat(front.begin("POST", "/examples/cache/k", headers(Map.of("Content-Length", "10485760")), "10.0.0.1")
                        .shortCircuit())
                .isEmpty();
    }

    @Test
    void completeWritesOneAccessLogLineAndRecordsTheRouteTemplateOnce() {
        HttpFront.Exchange ex = front.begin(
                "GET", "/examples/cache/user:42?ttl=5", headers(Map.of("X-Request-ID", "rid-7")), "10.0.0.3");
        nanos.addAndGet(12_345_678L);
        ex.complete(200);
        ex.complete(500);

        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"timestamp\":\"2026-11-28T19:00:00.123Z\",\"level\":\"INFO\","
                        + "\"logger\":\"io.devstack.access\","
                        + "\"message\":\"request completed\",\"request_id\":\"rid-7\",\"method\":\"GET\","
                        + "\"path\":\"/examples/cache/user:42\",\"route\":\"/examples/cache/{key}\","
                        + "\"status\":200,"
                        + "\"duration_ms\":12.346,\"client_ip\":\"10.0.0.3\","
                        + "\"implementation\":\"api-javalin\"}\n");
        assertThat(metrics.scrape().bodyText())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/examples/cache/{key}\"} 1");
    }

    @Test
    void unknownPathsShareOneMetricLabel() {
        front.begin("GET", "/a", headers(Map.of()), "10.0.0.1").complete(404);
        front.begin("GET", "/b", headers(Map.of()), "10.0.0.1").complete(404);

        assertThat(metrics.scrape().bodyText())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                        + "uri=\"UNKNOWN\"} 2");
    }

    /** A case-insensitive header lookup, as every framework offers. */
    private static Function<String, String> headers(Map<String, String> values) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put("Host", "localhost:8004");
        map.putAll(values);
        return map::get;
    }
}
