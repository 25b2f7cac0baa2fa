package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static io.devstack.api.javalin.RunningApi.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.docs.OpenApiDocument;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInfoEndpointsTest extends ApiTestBase {

    @Test
    void rootDescribesTheApiAndThisImplementation(RunningApi api) {
        HttpResponse<String> response = api.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(keys(body))
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
        assertThat(body.get("name").asText()).isEqualTo("DevStack Core Reference API");
        JsonNode implementation = body.get("implementation");
        assertThat(implementation.get("module").asText()).isEqualTo("api-javalin");
        assertThat(implementation.get("framework").asText()).isEqualTo("Javalin");
        assertThat(implementation.get("framework_version").asText()).isEqualTo("7.2.3");
        assertThat(implementation.get("java_version").asText())
                .isEqualTo(Runtime.version().toString());
    }

    @Test
    void openApiIsTheSharedDocumentByteForByte(RunningApi api) {
        HttpResponse<byte[]> response =
                api.sendBytes(api.request("/openapi.json").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(OpenApiDocument.bytes());
    }

    @Test
    void docsServeSwaggerUiAndItsAssetsOffline(RunningApi api) {
        HttpResponse<String> page = api.get("/docs");
        HttpResponse<String> css = api.get("/docs/swagger-ui.css");
        HttpResponse<String> unknown = api.get("/docs/not-an-asset.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "url: \"/openapi.json\"");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains(".swagger-ui");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void metricsLabelRequestsByContractTemplate(RunningApi api) {
        api.get("/examples/cache/metrics-probe-key");
        api.get("/no/such/route");

        HttpResponse<String> response = api.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        List<String> requestLines = response.body()
                .lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .toList();
        assertThat(requestLines)
                .anySatisfy(line ->
                        assertThat(line).contains("method=\"GET\"", "uri=\"/examples/cache/{key}\"", "status=\"200\""));
        assertThat(requestLines).anySatisfy(line -> assertThat(line).contains("uri=\"UNKNOWN\"", "status=\"404\""));
        assertThat(requestLines).noneMatch(line -> line.contains("metrics-probe-key"));
        assertThat(response.body()).contains("jvm_memory_used_bytes", "devstack_cache_requests_total");
    }
}
