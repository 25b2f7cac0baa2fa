package io.devstack.api.javalin;

import io.devstack.common.service.VaultService;
import io.javalin.http.Context;

/** {@code /examples/vault/secret/{service_name}} and {@code .../{key}}: masked reads through the secret cache. */
final class VaultEndpoints {

    private final VaultService vault;

    VaultEndpoints(VaultService vault) {
        this.vault = vault;
    }

    void secret(Context ctx) {
        Responses.write(ctx, vault.secret(ctx.pathParam("service_name")));
    }

    void secretKey(Context ctx) {
        Responses.write(ctx, vault.secretKey(ctx.pathParam("service_name"), ctx.pathParam("key")));
    }
}
