package io.devstack.common.metrics;

import io.devstack.common.http.ApiResponse;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The metrics of docs/api-contract.md under names identical in the five APIs (one Grafana dashboard serves all):
 * {@code http_server_requests_seconds{method,uri,status,outcome}} and
 * {@code devstack_backend_calls_seconds{backend,operation,outcome}} (histograms with fixed buckets),
 * {@code devstack_circuit_breaker_state{backend,state}} (1 for the current state, 0 for the others),
 * {@code devstack_cache_requests_total{cache,result}}, plus JVM and process metrics. Frameworks' own HTTP
 * metrics are not used: their tags differ.
 */
public final class ApiMetrics implements AutoCloseable {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Fixed histogram buckets: few enough series per route, fine enough for a 2 s backend deadline. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /**
     * Meters by their label values: Micrometer's builder-and-register costs a new id, sorted tags and a registry
     * lookup on every call, on every request. The label space is bounded (route templates, not raw paths).
     */
    private final Map<List<Object>, Timer> timers = new ConcurrentHashMap<>();

    private final Map<List<Object>, Counter> counters = new ConcurrentHashMap<>();

    public ApiMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The {@code GET /metrics} response. */
    public ApiResponse scrape() {
        return ApiResponse.text(200, CONTENT_TYPE, registry.scrape());
    }

    /**
     * One served request. {@code uri} must be a contract route template (see ContractRoutes); a method outside
     * the HTTP standard set is labelled {@code OTHER} so a client cannot grow the label space.
     */
    public void recordHttpRequest(String method, String uri, int status, long nanos) {
        String label = HTTP_METHODS.contains(method) ? method : "OTHER";
        timers.computeIfAbsent(
                        List.of("http", label, uri, status),
                        key -> Timer.builder("http.server.requests")
                                .description("HTTP requests served, by contract route template")
                                .tag("method", label)
                                .tag("uri", uri)
                                .tag("status", Integer.toString(status))
                                .tag("outcome", Outcome.forStatus(status).name())
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param outcome {@code success}, {@code failure}, {@code timeout} or {@code rejected} (circuit open) */
    public void recordBackendCall(String backend, String operation, String outcome, long nanos) {
        timers.computeIfAbsent(
                        List.of("backend", backend, operation, outcome),
                        key -> Timer.builder("devstack.backend.calls")
                                .description("Calls from the API to its backends")
                                .tag("backend", backend)
                                .tag("operation", operation)
                                .tag("outcome", outcome)
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param result {@code hit} or {@code miss} */
    public void recordCacheRequest(String cache, String result) {
        counters.computeIfAbsent(
                        List.of(cache, result),
                        key -> Counter.builder("devstack.cache.requests")
                                .description("Lookups in the API's caches")
                                .tag("cache", cache)
                                .tag("result", result)
                                .register(registry))
                .increment();
    }

    /** Publishes the breaker's state as one 0/1 gauge per possible state. */
    public void bindCircuitBreaker(String backend, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("devstack.circuit.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("Circuit breaker state per backend: 1 for the current state")
                    .tag("backend", backend)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
