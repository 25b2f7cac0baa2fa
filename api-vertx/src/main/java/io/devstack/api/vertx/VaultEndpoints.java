package io.devstack.api.vertx;

import io.devstack.common.service.VaultService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /examples/vault/secret/{service_name}} and {@code /examples/vault/secret/{service_name}/{key}}. */
final class VaultEndpoints {

    private final VaultService vault;
    private final Offload offload;

    VaultEndpoints(VaultService vault, Offload offload) {
        this.vault = vault;
        this.offload = offload;
    }

    void mount(Router router) {
        router.get("/examples/vault/secret/:service_name").handler(this::secret);
        router.get("/examples/vault/secret/:service_name/:key").handler(this::secretKey);
    }

    private void secret(RoutingContext ctx) {
        String serviceName = ctx.pathParam("service_name");
        offload.respond(ctx, () -> vault.secret(serviceName));
    }

    private void secretKey(RoutingContext ctx) {
        String serviceName = ctx.pathParam("service_name");
        String key = ctx.pathParam("key");
        offload.respond(ctx, () -> vault.secretKey(serviceName, key));
    }
}
