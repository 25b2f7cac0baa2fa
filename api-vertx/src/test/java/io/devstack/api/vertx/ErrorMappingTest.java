package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures, the framework's own included, reach the client as common's envelope. */
class ErrorMappingTest extends ApiTestBase {

    private static final int OVER_LIMIT = 10 * 1024 * 1024 + 1;

    private HttpClient raw;

    @AfterEach
    void closeRawClient(VertxTestContext ctx) {
        if (raw == null) {
            ctx.completeNow();
        } else {
            raw.close().onComplete(ctx.succeedingThenComplete());
        }
    }

    @Test
    void anUnknownRouteIsTheNotFoundEnvelope(VertxTestContext ctx) {
        verify(ctx, client.get("/nope").putHeader("X-Request-ID", "em-404").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"error\":\"NotFound\",\"message\":\"No route matches /nope\","
                            + "\"status_code\":404,\"details\":{},\"request_id\":\"em-404\"}");
        });
    }

    @Test
    void aWrongMethodIsMethodNotAllowedWithAllow(VertxTestContext ctx) {
        verify(ctx, client.put("/examples/cache/k").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.getHeader("Allow")).isEqualTo("DELETE, GET, POST");
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("MethodNotAllowed");
        });
    }

    @Test
    void aDeclaredLengthOverTenMebibytesIsRefusedBeforeTheBodyIsRead(Vertx vertx, VertxTestContext ctx) {
        raw = vertx.createHttpClient();
        Future<JsonObject> refused = raw.request(HttpMethod.POST, port(), "127.0.0.1", "/examples/cache/k")
                .compose(request -> request.putHeader("Content-Length", Integer.toString(OVER_LIMIT))
                        .putHeader("Content-Type", "application/json")
                        .sendHead()
                        .compose(sent -> request.response()))
                .compose(ErrorMappingTest::statusAndBody);
        verify(ctx, refused, answer -> {
            assertThat(answer.getInteger("status")).isEqualTo(413);
            assertThat(answer.getJsonObject("body").getString("error")).isEqualTo("PayloadTooLarge");
        });
    }

    @Test
    void aChunkedBodyOverTenMebibytesIsStoppedByBodyHandler(Vertx vertx, VertxTestContext ctx) {
        raw = vertx.createHttpClient();
        Buffer mebibyte = Buffer.buffer(new byte[1024 * 1024]);
        Future<JsonObject> refused = raw.request(HttpMethod.POST, port(), "127.0.0.1", "/examples/cache/k")
                .compose(request -> {
                    request.setChunked(true).putHeader("Content-Type", "application/json");
                    for (int i = 0; i < 10; i++) {
                        request.write(mebibyte);
                    }
                    request.end(Buffer.buffer("x"));
                    return request.response();
                })
                .compose(ErrorMappingTest::statusAndBody);
        verify(ctx, refused, answer -> {
            assertThat(answer.getInteger("status")).isEqualTo(413);
            assertThat(answer.getJsonObject("body").getString("message"))
                    .isEqualTo("Request body exceeds 10485760 bytes (10 MiB)");
        });
    }

    @Test
    void anUndecodablePathIsTheBadRequestEnvelope(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/examples/cache/%zz")
                        .putHeader("X-Request-ID", "em-400")
                        .send(),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(400);
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(body.getString("error")).isEqualTo("BadRequest");
                    assertThat(body.getString("request_id")).isEqualTo("em-400");
                });
    }

    private static int port() {
        return app.services().settings().httpPort();
    }

    private static Future<JsonObject> statusAndBody(HttpClientResponse response) {
        return response.body()
                .map(body ->
                        new JsonObject().put("status", response.statusCode()).put("body", new JsonObject(body)));
    }
}
