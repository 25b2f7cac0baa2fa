package io.devstack.api.javalin;

import static io.devstack.api.javalin.RunningApi.json;
import static io.devstack.api.javalin.RunningApi.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultEndpointsTest extends ApiTestBase {

    @Test
    void secretIsReturnedWithSensitiveFieldsMasked(RunningApi api) {
        Map<String, String> stored = api.stack.secret("postgres");

        HttpResponse<String> response = api.get("/examples/vault/secret/postgres");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(keys(body)).containsExactly("service", "data", "note");
        assertThat(body.get("service").asText()).isEqualTo("postgres");
        assertThat(body.at("/data/user").asText()).isEqualTo(stored.get("user"));
        assertThat(body.at("/data/password").asText()).isEqualTo("***");
        assertThat(body.get("note").asText()).isEqualTo("Sensitive values are masked");
        assertThat(response.body()).doesNotContain(stored.get("password"));
    }

    @Test
    void oneKeyOfASecret(RunningApi api) {
        JsonNode user = api.getOk("/examples/vault/secret/postgres/user");
        JsonNode password = api.getOk("/examples/vault/secret/postgres/password");

        assertThat(keys(user)).containsExactly("service", "key", "value", "note");
        assertThat(user.get("value").asText())
                .isEqualTo(api.stack.secret("postgres").get("user"));
        assertThat(password.get("value").asText()).isEqualTo("***");
    }

    @Test
    void anAbsentKeyIsResourceNotFound(RunningApi api) {
        HttpResponse<String> response = api.get("/examples/vault/secret/postgres/no_such_key");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("ResourceNotFound");
        assertThat(body.at("/details/resource_type").asText()).isEqualTo("secret_key");
    }

    @Test
    void aSecretOutsideThisApisPolicyIsPermissionDenied(RunningApi api) {
        HttpResponse<String> response = api.get("/examples/vault/secret/forgejo");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("PermissionDenied");
        assertThat(keys(body.get("details"))).containsExactly("service", "secret_path");
        assertThat(body.at("/details/service").asText()).isEqualTo("vault");
        assertThat(body.at("/details/secret_path").asText()).contains("forgejo");
    }

    @Test
    void anInvalidServiceNameIsAValidationErrorWithTheExactEnvelope(RunningApi api) {
        HttpResponse<String> response = api.get("/examples/vault/secret/bad!name", "X-Request-ID", "vault-422");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"ValidationError\",\"message\":\"Request validation failed\","
                        + "\"status_code\":422,"
                        + "\"details\":{\"validation_errors\":[{\"type\":\"string_pattern_mismatch\","
                        + "\"loc\":[\"path\",\"service_name\"],\"msg\":\"String should match pattern"
                        + " '^[a-zA-Z0-9_-]+$'\","
                        + "\"input\":\"bad!name\"}]},\"request_id\":\"vault-422\"}");
    }
}
