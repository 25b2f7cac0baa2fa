package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.common.http.BadRequestException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Failures Micronaut raises itself, before or around a controller, come out as the contract's envelope. */
class ErrorMappingTest extends ApiTestBase {

    @Inject
    EmbeddedServer server;

    @Test
    void aChunkedBodyOverTenMebibytesIsPayloadTooLarge() throws Exception {
        // no Content-Length: HttpFront cannot refuse it up front, Micronaut's max-request-size stops it
        InputStream eleven = new ByteArrayInputStream(new byte[11 * 1024 * 1024]);
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/examples/cache/too-big"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> eleven))
                .build();

        HttpResponse<String> response;
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("PayloadTooLarge");
        assertThat(body.get("request_id").asText())
                .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void aMalformedUriIsABadRequest() throws Exception {
        // no client library sends this: they all refuse to build the URI
        String raw = rawExchange("GET /examples/cache/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400 ");
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        JsonNode envelope = new ObjectMapper().readTree(body);
        assertThat(envelope.get("error").asText()).isEqualTo("BadRequest");
        assertThat(envelope.get("message").asText()).isEqualTo(BadRequestException.MALFORMED_REQUEST);
    }

    private String rawExchange(String request) throws Exception {
        URI uri = server.getURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
