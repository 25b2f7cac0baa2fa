package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devstack.common.logging.RequestLog;
import io.devstack.common.metrics.ApiMetrics;
import io.devstack.common.service.ImplementationInfo;
import io.devstack.common.service.ServiceInfoService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HttpFront behind a real HTTP server (the JDK's own, standing in for a framework) and a real client over a
 * socket: shows that the glue a framework needs is the dozen lines of {@link #handle}, and that what a
 * client receives is what the contract says.
 */
class HttpFrontOverSocketsTest {

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final ApiMetrics METRICS = new ApiMetrics();
    private static final CorsPolicy CORS = new CorsPolicy(CorsPolicy.DEFAULT_ORIGINS);
    private static final HttpFront FRONT = new HttpFront(
            new HostPolicy(List.of()),
            CORS,
            new RateLimits(),
            METRICS,
            new RequestLog("api-test", new PrintStream(LOG, true, StandardCharsets.UTF_8), Clock.systemUTC()),
            System::nanoTime);
    private static final ServiceInfoService INFO =
            new ServiceInfoService(new ImplementationInfo("api-test", "JDK HttpServer", "25", "25"), CORS, METRICS);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", HttpFrontOverSocketsTest::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        METRICS.close();
    }

    /** The whole framework glue. */
    private static void handle(HttpExchange http) throws IOException {
        HttpFront.Exchange ex = FRONT.begin(
                http.getRequestMethod(),
                http.getRequestURI().getRawPath(),
                http.getRequestHeaders()::getFirst,
                http.getRemoteAddress().getAddress().getHostAddress());
        ApiResponse response = ex.shortCircuit().orElseGet(() -> {
            try {
                return ex.decorate(route(ex, http));
            } catch (Exception e) {
                return ex.error(e);
            }
        });
        response.headers().forEach(http.getResponseHeaders()::set);
        http.getResponseHeaders().set("Content-Type", response.contentType());
        http.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(response.body());
        }
        ex.complete(response.status());
    }

    /** Stand-ins for the endpoint handlers (the real ones call the backend services). */
    private static ApiResponse route(HttpFront.Exchange ex, HttpExchange http) throws IOException {
        Map<String, String> query = query(http.getRequestURI().getRawQuery());
        byte[] body = http.getRequestBody().readAllBytes();
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        String path = http.getRequestURI().getPath();
        return switch (ex.route()) {
            case "/" -> INFO.info();
            case "/metrics" -> INFO.metrics();
            case "/examples/cache/{key}" -> {
                CacheSetInput input = CacheSetInput.parse(
                        path.substring("/examples/cache/".length()),
                        query.get("value"),
                        query.get("ttl"),
                        contentType,
                        body);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("key", input.key());
                result.put("value", input.value());
                result.put("ttl", input.ttl());
                result.put("action", "set");
                yield ApiResponse.ok(result);
            }
            default -> throw new IllegalStateException("not wired in this test: " + ex.route());
        };
    }

    @Test
    void cacheSetOverTheWire() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/examples/cache/user:1?ttl=60"))
                .header("Content-Type", "application/json")
                .header("X-Request-ID", "wire-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"v\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("wire-1");
        assertThat(response.body()).isEqualTo("{\"key\":\"user:1\",\"value\":\"v\",\"ttl\":60,\"action\":\"set\"}");
        // the log line is written once the response is sent, so the client may see the answer first
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!LOG.toString(StandardCharsets.UTF_8).contains("\"request_id\":\"wire-1\"")
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(LOG.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"request_id\":\"wire-1\"")))
                .singleElement()
                .asString()
                .contains("\"route\":\"/examples/cache/{key}\"", "\"status\":200", "\"client_ip\":\"127.0.0.1\"");
    }

    @Test
    void validationAndMediaTypeErrorsOverTheWire() throws Exception {
        HttpResponse<String> invalid =
                send(HttpRequest.newBuilder(URI.create(base + "/examples/cache/bad%20key?ttl=abc"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body())
                .contains(
                        "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\",\"key\"]",
                        "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"ttl\"]",
                        "{\"type\":\"missing\",\"loc\":[\"query\",\"value\"],\"msg\":\"Field required\","
                                + "\"input\":null}");

        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(URI.create(base + "/examples/cache/k"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"v\"}")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void notFoundMethodNotAllowedAndAnUnacceptableRequestId() throws Exception {
        HttpResponse<String> notFound =
                send(HttpRequest.newBuilder(URI.create(base + "/nope")).header("X-Request-ID", "bad id!"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        String id = notFound.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(notFound.body()).endsWith("\"request_id\":\"" + id + "\"}");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(URI.create(base + "/examples/cache/k"))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, POST");
    }

    @Test
    void corsPreflightAndRateLimitedRootOverTheWire() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/examples/cache/k"))
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:8080");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");

        HttpResponse<String> last = null;
        for (int i = 0; i < 101; i++) {
            last = send(HttpRequest.newBuilder(URI.create(base + "/")));
            if (i == 99) {
                assertThat(last.statusCode()).isEqualTo(200);
                assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
        assertThat(last.body()).startsWith("{\"error\":\"RateLimited\"");

        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")));
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"429\","
                        + "uri=\"/\"} 1");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
