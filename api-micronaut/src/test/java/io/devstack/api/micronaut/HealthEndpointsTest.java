package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthWithoutSlashRedirects() {
        Reply reply = get(client, "/health");

        assertThat(reply.status()).isEqualTo(307);
        assertThat(reply.header("Location")).isEqualTo("/health/");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void healthWithSlashIsOkWithoutTouchingABackend() {
        assertThat(get(client, "/health/").text()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void vaultIsHealthy() {
        JsonNode body = ok(get(client, "/health/vault"), "status", "details");

        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(keys(body.get("details"))).containsExactly("initialized", "sealed", "standby", "version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql", "mongodb", "rabbitmq"})
    void eachDataServiceIsHealthyWithItsVersion(String backend) {
        JsonNode body = ok(get(client, "/health/" + backend), "status", "version");

        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("version").asText()).isNotBlank();
    }

    @Test
    void redisReportsEveryNode() {
        JsonNode body =
                ok(get(client, "/health/redis"), "status", "cluster_enabled", "cluster_state", "nodes", "total_nodes");

        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("nodes")).hasSize(3);
    }

    @Test
    void allIsCachedUntilTheClientSaysNoCache() {
        Reply first = call(client, HttpRequest.GET("/health/all").header("Cache-Control", "no-cache"));
        Reply second = get(client, "/health/all");
        Reply bypass = call(client, HttpRequest.GET("/health/all").header("Cache-Control", "max-age=0, no-cache"));

        JsonNode body = ok(first, "status", "services");
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(keys(body.get("services")))
                .containsExactly("vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq");
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(bypass.header("X-Cache")).isEqualTo("MISS");
    }

    @Test
    void aTrailingSlashAfterABackendIsNotARoute() {
        // Micronaut itself would route /health/vault/ to /health/vault; the contract says 404
        envelope(get(client, "/health/vault/"), 404, "NotFound");
    }

    @Test
    void postingToAHealthRouteIsNotAllowed() {
        Reply reply = call(client, HttpRequest.POST("/health/all", "{}"));

        envelope(reply, 405, "MethodNotAllowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }
}
