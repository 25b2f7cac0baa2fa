package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends ApiTestBase {

    @Test
    void javalinsOwnMaxRequestSizeBecomesThePayloadTooLargeEnvelope(RunningApi api) {
        // no Content-Length (chunked): only Javalin's maxRequestSize sees the size, while reading the body
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        HttpResponse<String> response = api.send(api.request("/examples/cache/chunked")
                .header("Content-Type", "application/json")
                .header("X-Request-ID", "chunked-413")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("chunked-413");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"PayloadTooLarge\","
                        + "\"message\":\"Request body exceeds 10485760 bytes (10 MiB)\",\"status_code\":413,"
                        + "\"details\":{},"
                        + "\"request_id\":\"chunked-413\"}");
    }

    @Test
    void aContractErrorThrownByAHandlerKeepsTheRequestsHeaders(RunningApi api) {
        HttpResponse<String> response = api.get("/redis/nodes/nope/info", "Origin", "http://localhost:8004");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8004");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
        JsonNode body = json(response);
        assertThat(body.get("request_id").asText())
                .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void aRequestJettyCannotParseStillGetsTheEnvelope(RunningApi api) throws IOException {
        // a raw socket: HttpClient refuses to send an invalid percent-encoding
        try (Socket socket = new Socket("127.0.0.1", api.app.port())) {
            socket.getOutputStream()
                    .write(("GET /examples/cache/%zz HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(response)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("Content-Type: application/json\r\n")
                    .containsPattern("X-Request-ID: [0-9a-f-]{36}\r\n");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body)
                    .startsWith("{\"error\":\"BadRequest\",\"message\":\"Malformed request\","
                            + "\"status_code\":400,\"details\":{},\"request_id\":\"");
        }
    }

    @Test
    void aHeadRequestIsMethodNotAllowedNotJavalinsImplicitGet(RunningApi api) {
        HttpResponse<String> response = api.send(
                api.request("/health/").method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }
}
