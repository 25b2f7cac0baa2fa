package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.docs.OpenApiDocument;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInfoEndpointsTest extends ApiTestBase {

    @Test
    void rootDescribesTheApiAndThisImplementation(VertxTestContext ctx) {
        verify(ctx, client.get("/").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.fieldNames())
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
            assertThat(body.getJsonObject("implementation"))
                    .isEqualTo(new JsonObject()
                            .put("module", "api-vertx")
                            .put("framework", "Vert.x")
                            .put("framework_version", "5.0.7")
                            .put("java_version", Runtime.version().toString()));
        });
    }

    @Test
    void openApiIsTheSharedDocumentByteForByte(VertxTestContext ctx) {
        verify(ctx, client.get("/openapi.json").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(response.body().getBytes()).isEqualTo(OpenApiDocument.bytes());
        });
    }

    @Test
    void docsServesSwaggerUiAndItsAssets(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/docs")
                        .send()
                        .compose(page ->
                                client.get("/docs/swagger-ui.css").send().map(css -> List.of(page, css))),
                responses -> {
                    assertThat(responses.get(0).getHeader("Content-Type")).startsWith("text/html");
                    assertThat(responses.get(0).bodyAsString()).contains("/openapi.json", "/docs/swagger-ui-bundle.js");
                    assertThat(responses.get(1).statusCode()).isEqualTo(200);
                    assertThat(responses.get(1).getHeader("Content-Type")).startsWith("text/css");
                    assertThat(responses.get(1).body().length()).isPositive();
                });
    }

    @Test
    void anUnknownDocsAssetIsNotFound(VertxTestContext ctx) {
        verify(ctx, client.get("/docs/not-an-asset.js").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("NotFound");
        });
    }

    @Test
    void metricsLabelRequestsWithTheContractTemplate(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/docs/swagger-ui.css")
                        .send()
                        .compose(asset -> client.get("/metrics").send()),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Content-Type"))
                            .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
                    assertThat(response.bodyAsString())
                            .contains(
                                    "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                                            + "status=\"200\","
                                            + "uri=\"/docs/{asset}\"}",
                                    "jvm_memory_used_bytes");
                });
    }
}
