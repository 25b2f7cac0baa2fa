package io.devstack.api.vertx;

import io.devstack.common.service.CacheService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET|POST|DELETE /examples/cache/{key}}. */
final class CacheEndpoints {

    private final CacheService cache;
    private final Offload offload;

    CacheEndpoints(CacheService cache, Offload offload) {
        this.cache = cache;
        this.offload = offload;
    }

    void mount(Router router) {
        router.get("/examples/cache/:key").handler(this::get);
        Routes.withJsonBody(router.post("/examples/cache/:key")).handler(this::set);
        router.delete("/examples/cache/:key").handler(this::delete);
    }

    private void get(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        offload.respond(ctx, () -> cache.get(key));
    }

    /** {@code value} and {@code ttl} from the query or a JSON body: common decides which and validates both. */
    private void set(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        String value = ctx.queryParams().get("value");
        String ttl = ctx.queryParams().get("ttl");
        String contentType = Routes.contentType(ctx);
        byte[] body = Routes.body(ctx);
        offload.respond(ctx, () -> cache.set(key, value, ttl, contentType, body));
    }

    private void delete(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        offload.respond(ctx, () -> cache.delete(key));
    }
}
