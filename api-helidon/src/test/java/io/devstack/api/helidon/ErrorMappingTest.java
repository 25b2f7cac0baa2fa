package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.http.RequestBodies;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Helidon itself rejects, before any route or filter runs, still answers with common's envelope. */
class ErrorMappingTest extends ApiTestBase {

    private final WebServer server;

    ErrorMappingTest(WebServer server) {
        this.server = server;
    }

    @Test
    void aMalformedRequestIsTheBadRequestEnvelope() throws IOException {
        String response = exchange("POST /examples/cache/k HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: malformed-1\r\n"
                + "Content-Length: twelve\r\n\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("content-type: application/json\r\n")
                .endsWith("\r\n\r\n{\"error\":\"BadRequest\",\"message\":\"Malformed request\",\"status_code\":400,"
                        + "\"details\":{},\"request_id\":\"malformed-1\"}");
    }

    @Test
    void anUnacceptableRequestIdIsReplacedThereToo() throws IOException {
        String response = exchange(
                "GET /health/ HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: bad id!\r\n" + "Content-Length: -1\r\n\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 400 ")
                .containsPattern(
                        "(?i)x-request-id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\r\n");
    }

    @Test
    void anOverlongRequestLineIsABadRequestToo() throws IOException {
        // over the 64 KiB every API accepts (RequestBodies.MAX_REQUEST_HEAD_BYTES); Connection: close ends the read
        String response = exchange("GET /examples/cache/" + "k".repeat(RequestBodies.MAX_REQUEST_HEAD_BYTES + 1)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 400 ")
                .contains("{\"error\":\"BadRequest\",\"message\":\"Malformed request\"");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
