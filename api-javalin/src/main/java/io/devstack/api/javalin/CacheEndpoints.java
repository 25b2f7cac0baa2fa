package io.devstack.api.javalin;

import io.devstack.common.service.CacheService;
import io.javalin.http.Context;

/** {@code GET|POST|DELETE /examples/cache/{key}}; POST takes value/ttl from the query string or a JSON body. */
final class CacheEndpoints {

    private final CacheService cache;

    CacheEndpoints(CacheService cache) {
        this.cache = cache;
    }

    void get(Context ctx) {
        Responses.write(ctx, cache.get(ctx.pathParam("key")));
    }

    void set(Context ctx) {
        Responses.write(
                ctx,
                cache.set(
                        ctx.pathParam("key"),
                        ctx.queryParam("value"),
                        ctx.queryParam("ttl"),
                        ctx.contentType(),
                        ctx.bodyAsBytes()));
    }

    void delete(Context ctx) {
        Responses.write(ctx, cache.delete(ctx.pathParam("key")));
    }
}
