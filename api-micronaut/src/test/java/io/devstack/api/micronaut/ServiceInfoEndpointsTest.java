package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.docs.OpenApiDocument;
import io.micronaut.core.version.VersionUtils;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class ServiceInfoEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void infoNamesThisImplementation() {
        JsonNode body = ok(
                get(client, "/"),
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
        JsonNode implementation = body.get("implementation");
        assertThat(keys(implementation)).containsExactly("module", "framework", "framework_version", "java_version");
        assertThat(implementation.get("module").asText()).isEqualTo("api-micronaut");
        assertThat(implementation.get("framework").asText()).isEqualTo("Micronaut");
        assertThat(implementation.get("framework_version").asText()).isEqualTo(VersionUtils.getMicronautVersion());
    }

    @Test
    void openApiIsCommonsDocumentByteForByte() {
        Reply response = get(client, "/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo(OpenApiDocument.bytes());
    }

    @Test
    void docsServeSwaggerUiAndItsAssets() {
        Reply page = get(client, "/docs");
        Reply css = get(client, "/docs/swagger-ui.css");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.text()).contains("url: \"/openapi.json\"");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(css.body()).isNotEmpty();
    }

    @Test
    void unknownDocsAssetIsNotFound() {
        JsonNode body = envelope(get(client, "/docs/secrets.txt"), 404, "NotFound");

        assertThat(body.get("details").isEmpty()).isTrue();
    }

    @Test
    void metricsUseTheRouteTemplateAsUri() {
        get(client, "/docs/index.css");

        Reply response = get(client, "/metrics");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.text())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/docs/{asset}\"}")
                .contains("jvm_memory_used_bytes")
                .doesNotContain("index.css");
    }
}
