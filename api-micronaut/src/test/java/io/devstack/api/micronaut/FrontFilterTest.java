package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The HttpFront pipeline as Micronaut runs it: on routed, unrouted and refused requests alike. */
class FrontFilterTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aValidRequestIdIsEchoedOnSuccessAndOnErrors() {
        Reply ok = call(client, HttpRequest.GET("/health/").header("X-Request-ID", "trace-1.a_B"));
        Reply notFound = call(client, HttpRequest.GET("/nowhere").header("X-Request-ID", "trace-2"));

        assertThat(ok.header("X-Request-ID")).isEqualTo("trace-1.a_B");
        assertThat(envelope(notFound, 404, "NotFound").get("request_id").asText())
                .isEqualTo("trace-2");
    }

    @Test
    void anInvalidRequestIdIsReplacedByAUuid() {
        Reply reply = call(client, HttpRequest.GET("/health/").header("X-Request-ID", "no spaces allowed"));

        assertThat(reply.header("X-Request-ID"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        Reply reply = call(
                client,
                HttpRequest.OPTIONS("/examples/cache/k")
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Method", "POST"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST");
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() {
        Reply reply = call(client, HttpRequest.GET("/health/").header("Origin", "http://evil.example"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anAllowedOriginIsNamedOnAnOrdinaryResponse() {
        Reply reply = call(client, HttpRequest.GET("/health/").header("Origin", "http://127.0.0.1:8001"));

        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:8001");
    }

    @Test
    void anUnknownPathIsNotFound() {
        envelope(get(client, "/examples/unknown"), 404, "NotFound");
    }

    @Test
    void headIsNotAContractMethod() {
        Reply reply = call(client, HttpRequest.HEAD("/health/"));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void theHundredAndFirstRootRequestInAMinuteIsRateLimited() {
        Reply last = null;
        for (int i = 0; i < 101; i++) {
            last = get(client, "/");
            if (last.status() == 429) {
                break;
            }
        }

        envelope(last, 429, "RateLimited");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(last.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void aDeclaredBodyOverTenMebibytesIsRefused() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Reply reply = call(
                client,
                HttpRequest.POST("/examples/messaging/publish?queue_name=q", body)
                        .contentType("application/json"));

        envelope(reply, 413, "PayloadTooLarge");
    }
}
