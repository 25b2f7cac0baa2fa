package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import org.junit.jupiter.api.Test;

/** {@code /examples/vault/secret/{service_name}[/{key}]}: masking, types, 403, 404 and 422. */
class VaultEndpointsTest extends ApiTestBase {

    private final Http1Client client;

    VaultEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void secretIsReadWithPasswordsMasked() throws Exception {
        ClientResponseTyped<String> response =
                client.get("/examples/vault/secret/postgres").request(String.class);

        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        JsonNode body = Json.tree(response.entity().getBytes());
        assertThat(body.get("service").asText()).isEqualTo("postgres");
        assertThat(body.get("data").get("password").asText()).isEqualTo("***");
        assertThat(body.get("note").asText()).isEqualTo("Sensitive values are masked");
    }

    @Test
    void oneKeyKeepsItsJsonType() throws Exception {
        ClientResponseTyped<String> response =
                client.get("/examples/vault/secret/postgres/tls_enabled").request(String.class);

        assertThat(response.status().code()).as(response.entity()).isEqualTo(200);
        JsonNode body = Json.tree(response.entity().getBytes());
        assertThat(body.get("key").asText()).isEqualTo("tls_enabled");
        assertThat(body.get("value").isBoolean()).isTrue();
    }

    @Test
    void aSecretOutsideThePolicyIsPermissionDenied() {
        ClientResponseTyped<String> response = client.get("/examples/vault/secret/forgejo")
                .header(HeaderNames.create("X-Request-ID"), "denied-1")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"PermissionDenied\","
                        + "\"message\":\"Vault denied access to secret 'secret/forgejo'\",\"status_code\":403,"
                        + "\"details\":{\"service\":\"vault\",\"secret_path\":\"secret/forgejo\"},"
                        + "\"request_id\":\"denied-1\"}");
    }

    @Test
    void anAbsentKeyIsResourceNotFound() {
        ClientResponseTyped<String> response =
                client.get("/examples/vault/secret/postgres/no_such_key").request(String.class);

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.entity())
                .contains(
                        "\"error\":\"ResourceNotFound\"",
                        "\"details\":{\"resource_type\":\"secret_key\","
                                + "\"resource_id\":\"secret/postgres/no_such_key\"}");
    }

    @Test
    void invalidPathParametersAreAllReported() {
        ClientResponseTyped<String> response = client.get("/examples/vault/secret/bad name/" + "k".repeat(101))
                .header(HeaderNames.create("X-Request-ID"), "invalid-1")
                .request(String.class);

        assertThat(response.status().code()).isEqualTo(422);
        assertThat(response.entity())
                .isEqualTo("{\"error\":\"ValidationError\",\"message\":\"Request validation failed\","
                        + "\"status_code\":422,\"details\":{\"validation_errors\":["
                        + "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\",\"service_name\"],"
                        + "\"msg\":\"String should match pattern '^[a-zA-Z0-9_-]+$'\",\"input\":\"bad name\"},"
                        + "{\"type\":\"string_too_long\",\"loc\":[\"path\",\"key\"],"
                        + "\"msg\":\"String should have at most 100 characters\",\"input\":\"" + "k".repeat(100)
                        + "\"}]},"
                        + "\"request_id\":\"invalid-1\"}");
    }
}
