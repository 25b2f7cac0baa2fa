package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static io.devstack.api.javalin.RunningApi.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthEndpointsTest extends ApiTestBase {

    @Test
    void healthWithoutSlashRedirectsToHealthSlash(RunningApi api) {
        HttpResponse<String> response = api.get("/health");

        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("Location")).hasValue("/health/");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void healthSlashAnswersOkWithoutTouchingBackends(RunningApi api) {
        HttpResponse<String> response = api.get("/health/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void vaultReportsItsSealStatus(RunningApi api) {
        JsonNode body = api.getOk("/health/vault");

        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(keys(body.get("details"))).containsExactly("initialized", "sealed", "standby", "version");
        assertThat(body.at("/details/sealed").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql", "mongodb", "rabbitmq"})
    void eachBackendReportsItsVersion(String backend, RunningApi api) {
        HttpResponse<String> response = api.get("/health/" + backend);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(keys(body)).containsExactly("status", "version");
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("version").asText()).isNotBlank();
    }

    @Test
    void redisProbesEveryNode(RunningApi api) {
        JsonNode body = api.getOk("/health/redis");

        assertThat(keys(body)).containsExactly("status", "cluster_enabled", "cluster_state", "nodes", "total_nodes");
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(body.get("cluster_state").asText()).isEqualTo("ok");
        assertThat(body.get("total_nodes").asInt()).isEqualTo(3);
        assertThat(body.get("nodes"))
                .allSatisfy(node -> assertThat(node.get("status").asText()).isEqualTo("healthy"));
    }

    @Test
    void allIsCachedUnlessTheRequestSaysNoCache(RunningApi api) {
        HttpResponse<String> fresh = api.get("/health/all", "Cache-Control", "no-cache");
        HttpResponse<String> cached = api.get("/health/all");

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("X-Cache")).hasValue("MISS");
        JsonNode body = json(fresh);
        assertThat(body.get("status").asText()).isEqualTo("healthy");
        assertThat(keys(body.get("services")))
                .containsExactly("vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq");
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(cached.body()).isEqualTo(fresh.body());
    }
}
