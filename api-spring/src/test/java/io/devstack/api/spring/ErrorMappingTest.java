package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/** Failures that Spring MVC or Tomcat would otherwise answer in their own words. */
class ErrorMappingTest extends ApiTestBase {

    @Test
    void unknownRoutesAreNotFoundIncludingSpringsOwnErrorPath() {
        assertEnvelope(get("/nowhere"), 404, "NotFound");
        assertEnvelope(get("/error"), 404, "NotFound");
        assertEnvelope(get("/health/all/"), 404, "NotFound");
    }

    @Test
    void aKnownRouteWithAnotherMethodIsMethodNotAllowedWithAllow() {
        EntityExchangeResult<String> put =
                http.put().uri("/examples/cache/k").exchange().returnResult(String.class);

        assertEnvelope(put, 405, "MethodNotAllowed");
        assertThat(put.getResponseHeaders().getFirst("Allow")).isEqualTo("DELETE, GET, POST");
    }

    /** Tomcat lets the encoded slash through; common's front door refuses it, as the other four servers' do. */
    @Test
    void anEncodedSlashInAPathSegmentIsAMalformedRequest() {
        EntityExchangeResult<String> slash = get("/examples/vault/secret/a%2Fb");

        assertEnvelope(slash, 400, "BadRequest");
        assertThat(slash.getResponseBody()).contains("\"message\":\"Malformed request\"");
    }

    /** Refused by Tomcat before any filter runs, answered by ErrorMapping's error report valve. */
    @Test
    void aMalformedRequestLineIsABadRequestEnvelope() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write("GET /he|alth/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response)
                    .startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/json")
                    .containsPattern(
                            "\\{\"error\":\"BadRequest\",\"message\":\"Malformed request\",\"status_code\":400,"
                                    + "\"details\":\\{},\"request_id\":\"[0-9a-f-]{36}\"}$");
        }
    }

    @Test
    void anUnknownSwaggerAssetIsNotFound() {
        assertEnvelope(get("/docs/application.properties"), 404, "NotFound");
    }

    @Test
    void aTraversalAttemptOnTheSwaggerAssetsIsAMalformedRequest() {
        assertEnvelope(get("/docs/..%2Fapplication.properties"), 400, "BadRequest");
        assertEnvelope(get("/docs/%2E%2E/application.properties"), 400, "BadRequest");
    }
}
