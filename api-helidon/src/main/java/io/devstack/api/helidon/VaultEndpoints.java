package io.devstack.api.helidon;

import io.devstack.common.service.VaultService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /examples/vault/secret/{service_name}} and {@code /examples/vault/secret/{service_name}/{key}}. */
final class VaultEndpoints implements HttpService {

    private final VaultService vault;

    VaultEndpoints(VaultService vault) {
        this.vault = vault;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/examples/vault/secret/{service_name}", this::secret)
                .get("/examples/vault/secret/{service_name}/{key}", this::secretKey);
    }

    private void secret(ServerRequest req, ServerResponse res) {
        Responses.write(res, vault.secret(Responses.pathParam(req, "service_name")));
    }

    private void secretKey(ServerRequest req, ServerResponse res) {
        Responses.write(
                res, vault.secretKey(Responses.pathParam(req, "service_name"), Responses.pathParam(req, "key")));
    }
}
