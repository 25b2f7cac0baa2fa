package io.devstack.common.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.ApiModule;
import io.devstack.common.http.CorsPolicy;
import io.devstack.common.http.NotFoundException;
import io.devstack.common.json.Json;
import io.devstack.common.metrics.ApiMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInfoServiceTest {

    private final ServiceInfoService service = new ServiceInfoService(
            new ImplementationInfo("api-helidon", "Helidon SE", "4.5.0", "25"),
            new CorsPolicy(List.of("http://localhost:3000")),
            new ApiMetrics());

    @Test
    void rootBodyHasTheContractKeysInOrder() throws Exception {
        JsonNode body = Json.tree(service.info().body());

        assertThat(names(body))
                .containsExactly(
                        "name",
                        "version",
                        "description",
                        "implementation",
                        "docs",
                        "openapi",
                        "health",
                        "metrics",
                        "redis_cluster",
                        "examples",
                        "security",
                        "note");
        assertThat(names(body.get("implementation")))
                .containsExactly("module", "framework", "framework_version", "java_version");
        assertThat(names(body.get("redis_cluster"))).containsExactly("nodes", "slots", "info", "node_info");
        assertThat(names(body.get("examples"))).containsExactly("vault", "databases", "cache", "messaging");
        assertThat(names(body.get("security")))
                .containsExactly(
                        "cors",
                        "rate_limiting",
                        "host_check",
                        "origin_check",
                        "request_validation",
                        "circuit_breakers");
        assertThat(body.get("name").asText()).isEqualTo("DevStack Core Reference API");
        assertThat(body.get("docs").asText()).isEqualTo("/docs");
        assertThat(body.get("health").asText()).isEqualTo("/health/all");
    }

    @Test
    void versionIsTheProjectVersionAndSecurityStatesWhatIsEnforced() throws Exception {
        JsonNode body = Json.tree(service.info().body());

        assertThat(body.get("version").asText()).isEqualTo(System.getProperty("project.version"));
        assertThat(body.at("/security/cors/allowed_origins").toString()).isEqualTo("[\"http://localhost:3000\"]");
        assertThat(body.at("/security/rate_limiting").toString())
                .isEqualTo("{\"GET /\":\"100 requests per minute per client IP\","
                        + "\"GET /metrics\":\"1000 requests per minute per client IP\"}");
        assertThat(body.at("/security/host_check").asText()).contains("API_ALLOWED_HOSTS", "403", "host_not_allowed");
        assertThat(body.at("/security/origin_check").asText()).contains("Origin", "403", "origin_not_allowed");
    }

    @Test
    void implementationOfUsesTheModuleAndTheRunningJava() {
        ImplementationInfo info = ImplementationInfo.of(ApiModule.VERTX, "5.0.7");
        assertThat(info)
                .isEqualTo(new ImplementationInfo(
                        "api-vertx", "Vert.x", "5.0.7", Runtime.version().toString()));
    }

    @Test
    void docsAssetsAndMetrics() {
        assertThat(service.docs().status()).isEqualTo(200);
        assertThat(service.docsAsset("swagger-ui.css").status()).isEqualTo(200);
        assertThatThrownBy(() -> service.docsAsset("nope.js")).isInstanceOf(NotFoundException.class);
        assertThat(service.metrics().bodyText()).contains("jvm_");
        assertThat(service.openApi().bodyText()).contains("\"openapi\": \"3.1.0\"");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
