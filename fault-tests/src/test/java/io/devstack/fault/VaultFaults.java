package io.devstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.testsupport.NativeStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Faults only Vault's API can cause: a seal, and the revocation of every token the APIs hold. */
final class VaultFaults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private VaultFaults() {}

    static Fault seal() {
        return new Fault(
                "seal Vault",
                "/health/vault",
                stack -> call(stack, "PUT", "/v1/sys/seal", null, false),
                NativeStack::unsealVault);
    }

    /** Revokes every token an API logged in with (AppRole role names {@code api-*}); the APIs must log in again. */
    static Fault revokeApiTokens() {
        return new Fault(
                "revoke the APIs' tokens",
                "/examples/vault/secret/postgres",
                stack -> {
                    JsonNode accessors = call(stack, "LIST", "/v1/auth/token/accessors", null, false)
                            .path("data")
                            .path("keys");
                    int revoked = 0;
                    for (JsonNode accessor : accessors) {
                        String body = "{\"accessor\":\"" + accessor.asText() + "\"}";
                        // an accessor of a token that expired meanwhile answers 403: nothing to revoke
                        JsonNode token = call(stack, "POST", "/v1/auth/token/lookup-accessor", body, true)
                                .path("data");
                        if (token.path("meta").path("role_name").asText().startsWith("api-")) {
                            call(stack, "POST", "/v1/auth/token/revoke-accessor", body, false);
                            revoked++;
                        }
                    }
                    if (revoked == 0) {
                        throw new IllegalStateException("no token of an api-* AppRole found to revoke");
                    }
                },
                stack -> {});
    }

    private static JsonNode call(NativeStack stack, String method, String path, String body, boolean mayFail)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.vaultAddress() + path))
                .header("X-Vault-Token", stack.rootToken())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 && mayFail) {
            return JSON.createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Vault " + method + " " + path + " answered " + response.statusCode());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
