package io.devstack.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.http.ApiResponse;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    private final ApiMetrics metrics = new ApiMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void everyContractMetricIsInTheScrapeAfterRecording() {
        metrics.recordHttpRequest("GET", "/health/all", 200, 3_000_000);
        metrics.recordBackendCall("postgres", "query", "success", 1_500_000);
        metrics.recordCacheRequest("health", "hit");
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("redis");
        metrics.bindCircuitBreaker("redis", breaker);
        breaker.transitionToOpenState();

        ApiResponse scrape = metrics.scrape();

        assertThat(scrape.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.bodyText())
                .contains(
                        "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                                + "uri=\"/health/all\",le=\"0.005\"} 1",
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                                + "uri=\"/health/all\"} 1",
                        "devstack_backend_calls_seconds_bucket{backend=\"postgres\",operation=\"query\","
                                + "outcome=\"success\",le=\"0.005\"} 1",
                        "devstack_cache_requests_total{cache=\"health\",result=\"hit\"} 1.0",
                        "devstack_circuit_breaker_state{backend=\"redis\",state=\"open\"} 1.0",
                        "devstack_circuit_breaker_state{backend=\"redis\",state=\"closed\"} 0.0",
                        "jvm_memory_used_bytes",
                        "process_cpu_usage",
                        "process_uptime_seconds");
    }

    @Test
    void nonStandardMethodsAreLabelledOther() {
        metrics.recordHttpRequest("BREW", "UNKNOWN", 404, 1_000);
        assertThat(metrics.scrape().bodyText()).contains("method=\"OTHER\"").doesNotContain("BREW");
    }
}
