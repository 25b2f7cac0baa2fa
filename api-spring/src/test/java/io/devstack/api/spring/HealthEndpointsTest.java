package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class HealthEndpointsTest extends ApiTestBase {

    @Test
    void healthWithoutSlashRedirectsToHealthSlash() {
        EntityExchangeResult<String> redirect = get("/health");

        assertThat(redirect.getStatus().value()).isEqualTo(307);
        assertThat(redirect.getResponseHeaders().getFirst("Location")).isEqualTo("/health/");
        assertThat(redirect.getResponseBody()).isNull();
    }

    @Test
    void livenessTouchesNoBackend() {
        EntityExchangeResult<String> alive = get("/health/");

        assertThat(alive.getStatus().value()).isEqualTo(200);
        assertThat(alive.getResponseBody()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void eachBackendOfTheRunningStackIsHealthy() {
        assertThat(get("/health/vault").getResponseBody())
                .startsWith("{\"status\":\"healthy\",\"details\":{\"initialized\":true,\"sealed\":false,");
        assertThat(get("/health/postgres").getResponseBody())
                .startsWith("{\"status\":\"healthy\",\"version\":\"PostgreSQL ");
        assertThat(get("/health/mysql").getResponseBody()).startsWith("{\"status\":\"healthy\",\"version\":\"");
        assertThat(get("/health/mongodb").getResponseBody()).startsWith("{\"status\":\"healthy\",\"version\":\"");
        assertThat(get("/health/redis").getResponseBody())
                .startsWith("{\"status\":\"healthy\",\"cluster_enabled\":true,\"cluster_state\":\"ok\",")
                .endsWith("\"total_nodes\":3}");
        assertThat(get("/health/rabbitmq").getResponseBody()).startsWith("{\"status\":\"healthy\",\"version\":\"");
    }

    @Test
    void allIsCachedUnlessTheRequestSaysNoCache() {
        EntityExchangeResult<String> fresh = http.get()
                .uri("/health/all")
                .header("Cache-Control", "no-cache")
                .exchange()
                .returnResult(String.class);
        EntityExchangeResult<String> cached = get("/health/all");

        assertThat(fresh.getStatus().value()).isEqualTo(200);
        assertThat(fresh.getResponseHeaders().getFirst("X-Cache")).isEqualTo("MISS");
        assertThat(fresh.getResponseBody()).startsWith("{\"status\":\"healthy\",\"services\":{\"vault\":{");
        assertThat(cached.getResponseHeaders().getFirst("X-Cache")).isEqualTo("HIT");
        assertThat(cached.getResponseBody()).isEqualTo(fresh.getResponseBody());
    }
}
