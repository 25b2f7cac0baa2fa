package io.devstack.bench.jmh;

import io.devstack.common.http.CorsPolicy;
import io.devstack.common.http.HostPolicy;
import io.devstack.common.http.HttpFront;
import io.devstack.common.http.RateLimits;
import io.devstack.common.http.RequestIds;
import io.devstack.common.logging.RequestLog;
import io.devstack.common.metrics.ApiMetrics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The request front every API runs per request ({@link HttpFront}): request id, CORS, route and rate-limit
 * decision, then the metric and the access-log line (written to a discarding stream, so the JSON is measured,
 * not the terminal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrontBenchmark {

    private static final Map<String, String> HEADERS =
            Map.of("Host", "127.0.0.1:8000", "Origin", "http://localhost:3000", RequestIds.HEADER, "bench-request-1");

    private ApiMetrics metrics;
    private HttpFront front;
    private RequestLog log;

    @Setup
    public void setUp() {
        metrics = new ApiMetrics();
        log = new RequestLog("api-bench", new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        front = new HttpFront(
                new HostPolicy(List.of()),
                new CorsPolicy(CorsPolicy.DEFAULT_ORIGINS),
                new RateLimits(),
                metrics,
                log,
                System::nanoTime);
    }

    @TearDown
    public void tearDown() {
        metrics.close();
    }

    /** begin (id, CORS, 404/405, rate limit) and complete (metric, access-log line) of a cache GET. */
    @Benchmark
    public HttpFront.Exchange cacheGetRequest() {
        HttpFront.Exchange exchange = front.begin("GET", "/examples/cache/bench:key", HEADERS::get, "127.0.0.1");
        exchange.complete(200);
        return exchange;
    }

    /** The same on {@code GET /}, the route with a rate limit (a Caffeine window per client IP). */
    @Benchmark
    public HttpFront.Exchange rateLimitedRequest() {
        HttpFront.Exchange exchange = front.begin("GET", "/", HEADERS::get, "127.0.0.1");
        exchange.complete(200);
        return exchange;
    }

    /** A request id generated (no valid header): a UUIDv4 from SecureRandom. */
    @Benchmark
    public String generatedRequestId() {
        return RequestIds.resolve(null);
    }

    /** The access-log line alone: record + JSON + write. */
    @Benchmark
    public void accessLogLine() {
        log.write(log.line(
                "bench-request-1",
                "GET",
                "/examples/cache/bench:key",
                "/examples/cache/{key}",
                200,
                1_234_567,
                "127.0.0.1"));
    }
}
