package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest extends ApiTestBase {

    @Test
    void healthWithoutSlashRedirects(VertxTestContext ctx) {
        verify(ctx, client.get("/health").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(307);
            assertThat(response.getHeader("Location")).isEqualTo("/health/");
            assertThat(response.getHeader("X-Request-ID")).isNotBlank();
        });
    }

    @Test
    void healthWithSlashTouchesNoBackend(VertxTestContext ctx) {
        verify(ctx, client.get("/health/").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(response.bodyAsString()).isEqualTo("{\"status\":\"ok\"}");
        });
    }

    @Test
    void vaultIsHealthyAndUnsealed(VertxTestContext ctx) {
        verify(ctx, client.get("/health/vault").send(), response -> {
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("status")).isEqualTo("healthy");
            assertThat(body.getJsonObject("details").getBoolean("sealed")).isFalse();
            assertThat(body.getJsonObject("details").getBoolean("initialized")).isTrue();
        });
    }

    @Test
    void everyDatabaseAndTheBrokerReportAVersion(VertxTestContext ctx) {
        List<String> backends = List.of("postgres", "mysql", "mongodb", "rabbitmq");
        Future<List<HttpResponse<Buffer>>> all = Future.all(backends.stream()
                        .map(backend -> client.get("/health/" + backend).send())
                        .toList())
                .map(f -> f.list());
        verify(
                ctx,
                all,
                responses -> responses.forEach(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.bodyAsJsonObject().getString("status"))
                            .as(response.bodyAsString())
                            .isEqualTo("healthy");
                    assertThat(response.bodyAsJsonObject().getString("version")).isNotBlank();
                }));
    }

    @Test
    void redisProbesEveryNode(VertxTestContext ctx) {
        verify(ctx, client.get("/health/redis").send(), response -> {
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("status")).as(response.bodyAsString()).isEqualTo("healthy");
            assertThat(body.getBoolean("cluster_enabled")).isTrue();
            assertThat(body.getInteger("total_nodes")).isEqualTo(3);
            assertThat(body.getJsonArray("nodes")).hasSize(3);
        });
    }

    @Test
    void allIsCachedUnlessTheRequestSaysNoCache(VertxTestContext ctx) {
        Future<List<HttpResponse<Buffer>>> three = client.get("/health/all")
                .putHeader("Cache-Control", "no-cache")
                .send()
                .compose(fresh -> client.get("/health/all")
                        .send()
                        .compose(cached -> client.get("/health/all")
                                .putHeader("Cache-Control", "no-cache")
                                .send()
                                .map(bypassed -> List.of(fresh, cached, bypassed))));
        verify(ctx, three, responses -> {
            assertThat(responses).extracting(r -> r.getHeader("X-Cache")).containsExactly("MISS", "HIT", "MISS");
            JsonObject body = responses.get(0).bodyAsJsonObject();
            assertThat(body.getString("status")).as(body.encode()).isEqualTo("healthy");
            assertThat(body.getJsonObject("services").fieldNames())
                    .containsExactly("vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq");
            assertThat(responses.get(1).bodyAsString())
                    .isEqualTo(responses.get(0).bodyAsString());
        });
    }

    @Test
    void aTrailingSlashOnABackendIsAnUnknownRoute(VertxTestContext ctx) {
        verify(ctx, client.get("/health/vault/").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("NotFound");
        });
    }
}
