package io.devstack.api.vertx;

import static io.devstack.api.vertx.RunningApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.testsupport.NativeStack;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class VaultEndpointsTest extends ApiTestBase {

    @Test
    void aSecretIsReadWithSensitiveFieldsMasked(VertxTestContext ctx) {
        String user = NativeStack.shared().secret("postgres").get("user");
        verify(ctx, client.get("/examples/vault/secret/postgres").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactly("service", "data", "note");
            assertThat(body.getString("service")).isEqualTo("postgres");
            assertThat(body.getJsonObject("data").getString("user")).isEqualTo(user);
            assertThat(body.getJsonObject("data").getString("password")).isEqualTo("***");
            assertThat(body.getString("note")).isEqualTo("Sensitive values are masked");
        });
    }

    @Test
    void oneKeyOfASecret(VertxTestContext ctx) {
        String database = NativeStack.shared().secret("postgres").get("database");
        verify(ctx, client.get("/examples/vault/secret/postgres/database").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"service\":\"postgres\",\"key\":\"database\",\"value\":\"" + database
                            + "\",\"note\":\"Sensitive values are masked\"}");
        });
    }

    @Test
    void aPasswordKeyIsMaskedToo(VertxTestContext ctx) {
        verify(ctx, client.get("/examples/vault/secret/postgres/password").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getString("value")).isEqualTo("***");
        });
    }

    /** The API's policy names exact secrets, so an absent secret is denied (403) before it could be missing. */
    @Test
    void anAbsentKeyIsResourceNotFound(VertxTestContext ctx) {
        verify(ctx, client.get("/examples/vault/secret/postgres/no_such_key").send(), response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("error")).isEqualTo("ResourceNotFound");
            assertThat(body.getJsonObject("details").fieldNames()).containsExactly("resource_type", "resource_id");
        });
    }

    @Test
    void aSecretOutsideThePolicyIsPermissionDenied(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/examples/vault/secret/forgejo")
                        .putHeader("X-Request-ID", "vault-403")
                        .send(),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(403);
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(body.getString("error")).isEqualTo("PermissionDenied");
                    assertThat(body.getJsonObject("details").getString("service"))
                            .isEqualTo("vault");
                    assertThat(body.getJsonObject("details").getString("secret_path"))
                            .contains("forgejo");
                    assertThat(body.getString("request_id")).isEqualTo("vault-403");
                });
    }

    @Test
    void anInvalidServiceNameIsTheExactValidationEnvelope(VertxTestContext ctx) {
        verify(
                ctx,
                client.get("/examples/vault/secret/bad.name")
                        .putHeader("X-Request-ID", "vault-422")
                        .send(),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
                    assertThat(response.bodyAsString())
                            .isEqualTo("{\"error\":\"ValidationError\","
                                    + "\"message\":\"Request validation failed\",\"status_code\":422,\"details\":{"
                                    + "\"validation_errors\":[{\"type\":\"string_pattern_mismatch\",\"loc\":[\"path\","
                                    + "\"service_name\"],\"msg\":\"String should match pattern '^[a-zA-Z0-9_-]+$'\","
                                    + "\"input\":\"bad.name\"}]},\"request_id\":\"vault-422\"}");
                });
    }
}
