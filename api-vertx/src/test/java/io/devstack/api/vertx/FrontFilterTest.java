package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What common's HttpFront decides, seen through Vert.x: request ids, CORS, rate limits. */
class FrontFilterTest extends ApiTestBase {

    @Test
    void anAcceptableRequestIdIsEchoedOnSuccessAndErrors(VertxTestContext ctx) {
        Future<List<HttpResponse<Buffer>>> both = client.get("/health/")
                .putHeader("X-Request-ID", "abc-123.X_y")
                .send()
                .compose(ok -> client.get("/nope")
                        .putHeader("X-Request-ID", "abc-124")
                        .send()
                        .map(missing -> List.of(ok, missing)));
        verify(ctx, both, responses -> {
            assertThat(responses.get(0).getHeader("X-Request-ID")).isEqualTo("abc-123.X_y");
            assertThat(responses.get(1).getHeader("X-Request-ID")).isEqualTo("abc-124");
            assertThat(responses.get(1).bodyAsJsonObject().getString("request_id"))
                    .isEqualTo("abc-124");
        });
    }

    @Test
    void anUnacceptableRequestIdIsReplacedByAUuid(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/health/").putHeader("X-Request-ID", "not ok!").send(),
                response -> assertThat(response.getHeader("X-Request-ID"))
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered(VertxTestContext ctx) {
        verify(
                ctx,
                client.request(HttpMethod.OPTIONS, "/examples/cache/k")
                        .putHeader("Origin", "http://localhost:3000")
                        .putHeader("Access-Control-Request-Method", "POST")
                        .send(),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Access-Control-Allow-Origin"))
                            .isEqualTo("http://localhost:3000");
                    assertThat(response.getHeader("Access-Control-Allow-Credentials"))
                            .isEqualTo("true");
                    assertThat(response.getHeader("Access-Control-Allow-Methods"))
                            .contains("POST");
                });
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndOthersNone(VertxTestContext ctx) {
        Future<List<HttpResponse<Buffer>>> both = client.get("/health/")
                .putHeader("Origin", "http://127.0.0.1:8003")
                .send()
                .compose(allowed -> client.get("/health/")
                        .putHeader("Origin", "http://evil.example")
                        .send()
                        .map(refused -> List.of(allowed, refused)));
        verify(ctx, both, responses -> {
            assertThat(responses.get(0).getHeader("Access-Control-Allow-Origin"))
                    .isEqualTo("http://127.0.0.1:8003");
            assertThat(responses.get(1).getHeader("Access-Control-Allow-Origin"))
                    .isNull();
            assertThat(responses.get(1).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void theRootIsLimitedToAHundredRequestsAMinutePerClient(VertxTestContext ctx) {
        Future<List<HttpResponse<Buffer>>> all = sendSequentially(101, new ArrayList<>());
        verify(ctx, all, responses -> {
            assertThat(responses.get(99).statusCode()).isEqualTo(200);
            assertThat(responses.get(99).getHeader("X-RateLimit-Limit")).isEqualTo("100");
            assertThat(responses.get(99).getHeader("X-RateLimit-Remaining")).isEqualTo("0");
            HttpResponse<Buffer> limited = responses.get(100);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("Retry-After")).isNotBlank();
            assertThat(limited.getHeader("X-RateLimit-Reset")).isNotBlank();
            assertThat(limited.bodyAsJsonObject().getString("error")).isEqualTo("RateLimited");
        });
    }

    /** One after the other, so that the limiter sees them in order. */
    private static Future<List<HttpResponse<Buffer>>> sendSequentially(int count, List<HttpResponse<Buffer>> done) {
        if (done.size() == count) {
            return Future.succeededFuture(done);
        }
        return client.get("/").send().compose(response -> {
            done.add(response);
            return sendSequentially(count, done);
        });
    }
}
