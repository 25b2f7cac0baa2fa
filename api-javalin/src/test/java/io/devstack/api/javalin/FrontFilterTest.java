package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class FrontFilterTest extends ApiTestBase {

    @Test
    void aValidRequestIdIsEchoedAndAnInvalidOneReplaced(RunningApi api) {
        HttpResponse<String> echoed = api.get("/health/", "X-Request-ID", "client-id_1.2");
        HttpResponse<String> replaced = api.get("/health/", "X-Request-ID", "not valid!");

        assertThat(echoed.headers().firstValue("X-Request-ID")).hasValue("client-id_1.2");
        assertThat(replaced.headers().firstValue("X-Request-ID").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void anUnknownPathIsNotFoundWithTheEnvelope(RunningApi api) {
        HttpResponse<String> response = api.get("/no/such/route", "X-Request-ID", "unknown-route");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("unknown-route");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"NotFound\",\"message\":\"No route matches /no/such/route\","
                        + "\"status_code\":404,\"details\":{},\"request_id\":\"unknown-route\"}");
    }

    @Test
    void aKnownPathWithTheWrongMethodIsMethodNotAllowedWithAllow(RunningApi api) {
        HttpResponse<String> response = api.send(api.request("/examples/cache/some-key")
                .PUT(BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, GET, POST");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("MethodNotAllowed");
        assertThat(body.at("/details/allowed_methods").toString()).isEqualTo("[\"DELETE\",\"GET\",\"POST\"]");
    }

    @Test
    void aCorsPreflightFromAnAllowedOriginIsAnswered(RunningApi api) {
        HttpResponse<String> response = api.send(api.request("/examples/cache/some-key")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders(RunningApi api) {
        HttpResponse<String> response = api.get("/health/", "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aDeclaredBodyOverTenMebibytesIsRejectedBeforeItIsRead(RunningApi api) {
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        HttpResponse<String> response = api.send(api.request("/examples/cache/big")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).isEqualTo("PayloadTooLarge");
    }
}
