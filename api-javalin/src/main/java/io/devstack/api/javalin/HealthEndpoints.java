package io.devstack.api.javalin;

import io.devstack.common.service.HealthService;
import io.javalin.http.Context;

/**
 * {@code /health} (307), {@code /health/}, one probe per backend, {@code /health/all} (cached, bypassed by no-cache).
 */
final class HealthEndpoints {

    private final HealthService health;

    HealthEndpoints(HealthService health) {
        this.health = health;
    }

    void redirect(Context ctx) {
        Responses.write(ctx, health.redirect());
    }

    void health(Context ctx) {
        Responses.write(ctx, health.health());
    }

    void vault(Context ctx) {
        Responses.write(ctx, health.vault());
    }

    void postgres(Context ctx) {
        Responses.write(ctx, health.postgres());
    }

    void mysql(Context ctx) {
        Responses.write(ctx, health.mysql());
    }

    void mongodb(Context ctx) {
        Responses.write(ctx, health.mongodb());
    }

    void redis(Context ctx) {
        Responses.write(ctx, health.redis());
    }

    void rabbitmq(Context ctx) {
        Responses.write(ctx, health.rabbitmq());
    }

    void all(Context ctx) {
        Responses.write(ctx, health.all(HealthService.bypassesCache(ctx.header("Cache-Control"))));
    }
}
