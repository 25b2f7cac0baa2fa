package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.docs.OpenApiDocument;
import io.devstack.common.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import org.junit.jupiter.api.Test;

/** {@code /}, {@code /openapi.json}, {@code /docs}, {@code /metrics}, plus what HttpFront decides for every route. */
class ServiceInfoEndpointsTest extends ApiTestBase {

    private final Http1Client client;

    ServiceInfoEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void serviceInfoNamesThisImplementation() throws Exception {
        ClientResponseTyped<String> response = client.get("/").request(String.class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().contentType().orElseThrow().text()).isEqualTo("application/json");
        JsonNode body = Json.tree(response.entity().getBytes());
        assertThat(body.get("name").asText()).isEqualTo("DevStack Core Reference API");
        assertThat(body.get("implementation").get("module").asText()).isEqualTo("api-helidon");
        assertThat(body.get("implementation").get("framework").asText()).isEqualTo("Helidon SE");
        assertThat(body.get("implementation").get("framework_version").asText()).startsWith("4.");
        // GET / is rate limited: the headers say so on every answer
        assertThat(response.headers().first(HeaderNames.create("X-RateLimit-Limit")))
                .hasValue("100");
    }

    @Test
    void openApiIsTheSharedDocumentByteForByte() {
        ClientResponseTyped<byte[]> response = client.get("/openapi.json").request(byte[].class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.entity()).isEqualTo(OpenApiDocument.bytes());
    }

    @Test
    void docsServeSwaggerUiAndItsAssets() {
        ClientResponseTyped<String> page = client.get("/docs").request(String.class);
        assertThat(page.status().code()).isEqualTo(200);
        assertThat(page.headers().contentType().orElseThrow().text()).startsWith("text/html");
        assertThat(page.entity()).contains("/openapi.json", "/docs/swagger-ui-bundle.js");

        ClientResponseTyped<String> asset = client.get("/docs/swagger-ui.css").request(String.class);
        assertThat(asset.status().code()).isEqualTo(200);
        assertThat(asset.headers().contentType().orElseThrow().text()).startsWith("text/css");

        ClientResponseTyped<String> unknown = client.get("/docs/secret.txt").request(String.class);
        assertThat(unknown.status().code()).isEqualTo(404);
        assertThat(unknown.entity()).contains("\"error\":\"NotFound\"");
    }

    @Test
    void metricsUseTheRouteTemplateAsUri() {
        client.get("/docs/favicon-16x16.png").request(byte[].class);

        ClientResponseTyped<String> metrics = client.get("/metrics").request(String.class);

        assertThat(metrics.status().code()).isEqualTo(200);
        assertThat(metrics.headers().first(HeaderNames.CONTENT_TYPE))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.entity())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/docs/{asset}\"}")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPathIsTheNotFoundEnvelopeWithTheEchoedRequestId() {
        ClientResponseTyped<String> response = client.get("/nope")
                .header(HeaderNames.create("X-Request-ID"), "helidon-404")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.headers().first(HeaderNames.create("X-Request-ID"))).hasValue("helidon-404");
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"NotFound\",\"message\":\"No route matches /nope\","
                        + "\"status_code\":404,\"details\":{},\"request_id\":\"helidon-404\"}");
    }

    @Test
    void knownPathWithAnotherMethodIs405WithAllow() {
        ClientResponseTyped<String> response =
                client.method(Method.PUT).path("/examples/cache/k").request(String.class);

        assertThat(response.status().code()).isEqualTo(405);
        assertThat(response.headers().first(HeaderNames.ALLOW)).hasValue("DELETE, GET, POST");
        assertThat(response.entity()).startsWith("{\"error\":\"MethodNotAllowed\"");
    }

    @Test
    void corsPreflightIsAnsweredForAnAllowedOrigin() {
        ClientResponseTyped<String> response = client.method(Method.OPTIONS)
                .path("/examples/cache/k")
                .header(HeaderNames.ORIGIN, "http://localhost:3000")
                .header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN))
                .hasValue("http://localhost:3000");
        assertThat(response.headers().first(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS))
                .hasValue("true");
    }

    @Test
    void invalidRequestIdIsReplacedByAUuid() {
        ClientResponseTyped<String> response = client.get("/")
                .header(HeaderNames.create("X-Request-ID"), "not ok!")
                .request(String.class);

        assertThat(response.headers().first(HeaderNames.create("X-Request-ID")).orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
