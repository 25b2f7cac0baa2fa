package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET|POST|DELETE /examples/cache/{key}} on the Redis cluster, and the body rules (415, 422, 413). */
class CacheEndpointsTest extends ApiTestBase {

    private static final int TEN_MIB = 10 * 1024 * 1024;

    private final Http1Client client;

    CacheEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void setWithQueryParametersThenGetThenDelete() {
        String key = "helidon:" + UUID.randomUUID();

        ClientResponseTyped<String> set = client.post("/examples/cache/" + key)
                .queryParam("value", "v1")
                .queryParam("ttl", "60")
                .request(String.class);
        assertThat(set.status().code()).as(set.entity()).isEqualTo(200);
        assertThat(set.entity()).isEqualTo("{\"key\":\"" + key + "\",\"value\":\"v1\",\"ttl\":60,\"action\":\"set\"}");

        ClientResponseTyped<String> get = client.get("/examples/cache/" + key).request(String.class);
        assertThat(get.entity()).startsWith("{\"key\":\"" + key + "\",\"value\":\"v1\",\"exists\":true,\"ttl\":");

        ClientResponseTyped<String> delete =
                client.delete("/examples/cache/" + key).request(String.class);
        assertThat(delete.entity()).isEqualTo("{\"key\":\"" + key + "\",\"deleted\":true,\"action\":\"delete\"}");
        assertThat(client.get("/examples/cache/" + key).request(String.class).entity())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":null,\"exists\":false,\"ttl\":null}");
    }

    @Test
    void setWithAJsonBodyHasNoExpiry() {
        String key = "helidon:" + UUID.randomUUID();

        ClientResponseTyped<String> set = client.post("/examples/cache/" + key)
                .contentType(MediaTypes.APPLICATION_JSON)
                .submit("{\"value\":\"from body\"}", String.class);

        assertThat(set.status().code()).as(set.entity()).isEqualTo(200);
        assertThat(set.entity())
                .isEqualTo("{\"key\":\"" + key + "\",\"value\":\"from body\",\"ttl\":null,\"action\":\"set\"}");
        assertThat(client.get("/examples/cache/" + key).request(String.class).entity())
                .endsWith("\"exists\":true,\"ttl\":null}");
        client.delete("/examples/cache/" + key).request(String.class);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() {
        ClientResponseTyped<String> response = client.post("/examples/cache/k")
                .contentType(MediaTypes.TEXT_PLAIN)
                .submit("{\"value\":\"v\"}", String.class);

        assertThat(response.status().code()).isEqualTo(415);
        assertThat(response.entity())
                .startsWith("{\"error\":\"UnsupportedMediaType\"")
                .contains("\"details\":{\"content_type\":\"text/plain\"}");
    }

    @Test
    void everyInvalidParameterIsReportedAtOnce() {
        ClientResponseTyped<String> response = client.post("/examples/cache/bad key")
                .queryParam("ttl", "abc")
                .header(HeaderNames.create("X-Request-ID"), "cache-422")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(422);
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"ValidationError\",\"message\":\"Request validation failed\","
                        + "\"status_code\":422,\"details\":{\"validation_errors\":["
                        + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\",\"key\"],"
                        + "\"msg\":\"String should match pattern '^[a-zA-Z0-9_:.-]+$'\",\"input\":\"bad key\"},"
                        + "{\"type\":\"int_parsing\",\"loc\":[\"query\",\"ttl\"],"
                        + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\","
                        + "\"input\":\"abc\"},"
                        + "{\"type\":\"missing\",\"loc\":[\"query\",\"value\"],\"msg\":\"Field required\","
                        + "\"input\":null}]},"
                        + "\"request_id\":\"cache-422\"}");
    }

    @Test
    void aDeclaredBodyOverTenMibIsPayloadTooLarge(WebServer server) throws Exception {
        // a raw socket: the server answers on the declared length alone, before any body byte is sent
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.getOutputStream()
                    .write(("POST /examples/cache/k HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nX-Request-ID: too-large-1\r\n"
                                    + "Content-Length: " + (TEN_MIB + 1) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response)
                    .startsWith("HTTP/1.1 413 ")
                    .containsIgnoringCase("X-Request-ID: too-large-1\r\n")
                    .endsWith("\r\n\r\n{\"error\":\"PayloadTooLarge\",\"message\":\"Request body exceeds 10485760 bytes"
                            + " (10 MiB)\","
                            + "\"status_code\":413,\"details\":{},\"request_id\":\"too-large-1\"}");
        }
    }

    @Test
    void aChunkedBodyOverTenMibIsPayloadTooLarge() {
        ClientResponseTyped<String> response = client.post("/examples/cache/k")
                .contentType(MediaTypes.APPLICATION_JSON)
                .header(HeaderNames.create("X-Request-ID"), "too-large-2")
                .outputStream(
                        out -> {
                            byte[] chunk = new byte[1024 * 1024];
                            for (int i = 0; i <= 10; i++) {
                                out.write(chunk);
                            }
                            out.close();
                        },
                        String.class);

        assertThat(response.status().code()).isEqualTo(413);
        assertThat(response.entity())
                .startsWith("{\"error\":\"PayloadTooLarge\"")
                .endsWith("\"request_id\":\"too-large-2\"}");
    }
}
