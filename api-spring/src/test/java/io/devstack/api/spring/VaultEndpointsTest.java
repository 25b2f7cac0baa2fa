package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class VaultEndpointsTest extends ApiTestBase {

    @Test
    void secretIsReadWithItsSensitiveValuesMasked() {
        EntityExchangeResult<String> secret = get("/examples/vault/secret/postgres");

        assertThat(secret.getStatus().value()).isEqualTo(200);
        assertThat(secret.getResponseBody())
                .startsWith("{\"service\":\"postgres\",\"data\":{")
                .contains("\"password\":\"***\"", "\"user\":\"dev_admin\"", "\"tls_enabled\":false")
                .endsWith("},\"note\":\"Sensitive values are masked\"}");
    }

    @Test
    void oneKeyKeepsItsJsonType() {
        assertThat(get("/examples/vault/secret/postgres/tls_enabled").getResponseBody())
                .isEqualTo(
                        "{\"service\":\"postgres\",\"key\":\"tls_enabled\",\"value\":false,\"note\":\"Sensitive values"
                                + " are masked\"}");
        assertThat(get("/examples/vault/secret/postgres/password").getResponseBody())
                .contains("\"value\":\"***\"");
    }

    @Test
    void missingKeyIsResourceNotFound() {
        EntityExchangeResult<String> missing = get("/examples/vault/secret/postgres/no_such_key");

        assertEnvelope(missing, 404, "ResourceNotFound");
    }

    @Test
    void anotherServicesSecretIsPermissionDenied() {
        EntityExchangeResult<String> denied = get("/examples/vault/secret/forgejo");

        assertEnvelope(denied, 403, "PermissionDenied");
        assertThat(denied.getResponseBody())
                .contains("\"details\":{\"service\":\"vault\",\"secret_path\":\"secret/forgejo\"}");
    }

    @Test
    void invalidPathParametersAreAllReported() {
        EntityExchangeResult<String> invalid = get("/examples/vault/secret/bad$name/" + "k".repeat(101));

        assertEnvelope(invalid, 422, "ValidationError");
        assertThat(invalid.getResponseBody())
                .contains(
                        "{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\",\"service_name\"],"
                                + "\"msg\":\"String should match pattern '^[a-zA-Z0-9_-]+$'\",\"input\":\"bad$name\"}",
                        "{\"type\":\"string_too_long\",\"loc\":[\"path\",\"key\"],"
                                + "\"msg\":\"String should have at most 100 characters\"");
    }
}
