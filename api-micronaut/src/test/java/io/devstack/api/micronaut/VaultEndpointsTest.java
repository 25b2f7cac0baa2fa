package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.testsupport.NativeStack;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class VaultEndpointsTest extends ApiTestBase {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void secretIsMaskedAndKeepsOtherValues() {
        Reply reply = get(client, "/examples/vault/secret/postgres");

        JsonNode body = ok(reply, "service", "data", "note");
        assertThat(body.get("service").asText()).isEqualTo("postgres");
        assertThat(body.get("data").get("password").asText()).isEqualTo("***");
        assertThat(body.get("data").get("user").asText()).isNotBlank().isNotEqualTo("***");
        assertThat(reply.text())
                .doesNotContain(NativeStack.shared().secret("postgres").get("password"));
    }

    @Test
    void secretKeyKeepsItsJsonType() {
        JsonNode body =
                ok(get(client, "/examples/vault/secret/postgres/tls_enabled"), "service", "key", "value", "note");

        assertThat(body.get("value").isBoolean()).as(body.toString()).isTrue();
    }

    @Test
    void aKeyNamedLikeASecretIsMasked() {
        JsonNode body = ok(get(client, "/examples/vault/secret/mysql/password"), "service", "key", "value", "note");

        assertThat(body.get("value").asText()).isEqualTo("***");
    }

    @Test
    void aSecretThePolicyRefusesIsPermissionDenied() {
        JsonNode details = envelope(get(client, "/examples/vault/secret/forgejo"), 403, "PermissionDenied")
                .get("details");

        assertThat(details.get("service").asText()).isEqualTo("vault");
        assertThat(details.get("secret_path").asText()).isEqualTo("secret/forgejo");
    }

    @Test
    void aMissingKeyIsResourceNotFound() {
        envelope(get(client, "/examples/vault/secret/postgres/no_such_key"), 404, "ResourceNotFound");
    }

    @Test
    void anInvalidServiceNameIsAValidationError() {
        assertThat(validationErrors(get(client, "/examples/vault/secret/bad.name")))
                .containsExactly("string_pattern_mismatch [\"path\",\"service_name\"] "
                        + "String should match pattern '^[a-zA-Z0-9_-]+$'");
    }
}
