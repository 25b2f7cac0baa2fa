package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.docs.OpenApiDocument;
import io.devstack.common.metrics.ApiMetrics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class ServiceInfoEndpointsTest extends ApiTestBase {

    @Test
    void rootDescribesTheApiAndThisImplementation() {
        EntityExchangeResult<String> root = get("/");

        assertThat(root.getStatus().value()).isEqualTo(200);
        assertThat(root.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(root.getResponseHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(root.getResponseBody())
                .startsWith("{\"name\":\"DevStack Core Reference API\",\"version\":")
                .contains("\"implementation\":{\"module\":\"api-spring\",\"framework\":\"Spring Boot\","
                        + "\"framework_version\":\"" + SpringBootVersion.getVersion() + "\",\"java_version\":\""
                        + Runtime.version() + "\"}")
                .contains("\"docs\":\"/docs\",\"openapi\":\"/openapi.json\",\"health\":\"/health/all\"");
    }

    @Test
    void openApiIsCommonsDocumentByteForByte() {
        byte[] served = http.get()
                .uri("/openapi.json")
                .exchange()
                .returnResult(byte[].class)
                .getResponseBody();

        assertThat(served).isEqualTo(OpenApiDocument.response().body());
    }

    @Test
    void docsServeSwaggerUiAndItsAssetsButNoOtherFile() {
        EntityExchangeResult<String> page = get("/docs");
        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseHeaders().getFirst("Content-Type")).startsWith("text/html");
        assertThat(page.getResponseBody()).contains("/docs/swagger-ui-bundle.js", "/openapi.json");

        EntityExchangeResult<byte[]> script =
                http.get().uri("/docs/swagger-ui-bundle.js").exchange().returnResult(byte[].class);
        assertThat(script.getStatus().value()).isEqualTo(200);
        assertThat(new String(script.getResponseBody(), StandardCharsets.UTF_8)).contains("SwaggerUIBundle");

        assertEnvelope(get("/docs/application.properties"), 404, "NotFound");
    }

    @Test
    void metricsAreThePrometheusTextWithTheContractRouteTemplates() {
        get("/examples/vault/secret/bad$name");

        EntityExchangeResult<String> metrics = get("/metrics");

        assertThat(metrics.getStatus().value()).isEqualTo(200);
        // the same media type as common's; Spring and Tomcat drop the spaces between parameters (README, quirks)
        assertThat(MediaType.parseMediaType(metrics.getResponseHeaders().getFirst("Content-Type")))
                .isEqualTo(MediaType.parseMediaType(ApiMetrics.CONTENT_TYPE));
        assertThat(metrics.getResponseBody())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"422\","
                        + "uri=\"/examples/vault/secret/{service_name}\"}")
                .contains("jvm_memory_used_bytes", "devstack_circuit_breaker_state");
    }
}
