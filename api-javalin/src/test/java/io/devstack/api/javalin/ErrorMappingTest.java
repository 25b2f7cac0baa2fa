package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningApi.Extension.class)
class ErrorMappingTest {

    @Test
    void javalinsOwnMaxRequestSizeBecomesThePayloadTooLargeEnvelope(RunningApi api) {
        // no Content-Length (chunked): only Javalin's maxRequestSize sees the size, while reading the body
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        HttpResponse<String> response = api.send(api.request("/examples/cache/chunked")
                .header("Content-Type", "application/json")
                .header("X-Request-ID", "chunked-413")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("chunked-413");
        assertThat(response.body()).isEqualTo("{\"error\":\"PayloadTooLarge\","
                + "\"message\":\"Request body exceeds 10485760 bytes (10 MiB)\",\"status_code\":413,\"details\":{},"
                + "\"request_id\":\"chunked-413\"}");
    }

    @Test
    void aContractErrorThrownByAHandlerKeepsTheRequestsHeaders(RunningApi api) {
        HttpResponse<String> response = api.get("/redis/nodes/nope/info", "Origin", "http://localhost:8004");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8004");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
        JsonNode body = json(response);
        assertThat(body.get("request_id").asText()).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void aHeadRequestIsMethodNotAllowedNotJavalinsImplicitGet(RunningApi api) {
        HttpResponse<String> response = api.send(api.request("/health/")
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }
}
