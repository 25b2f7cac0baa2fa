package io.devstack.api.vertx;

import io.devstack.common.service.HealthService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /health} (307), {@code /health/}, {@code /health/{backend}}, {@code /health/all}. */
final class HealthEndpoints {

    private final HealthService health;
    private final Offload offload;

    HealthEndpoints(HealthService health, Offload offload) {
        this.health = health;
        this.offload = offload;
    }

    void mount(Router router) {
        // Vert.x ignores a trailing slash the route does not declare ("/health" also matches "/health/"),
        // so "/health/" is registered first to win its own path
        router.get("/health/").handler(this::alive);
        router.get("/health").handler(this::redirect);
        router.get("/health/vault").handler(ctx -> offload.respond(ctx, health::vault));
        router.get("/health/postgres").handler(ctx -> offload.respond(ctx, health::postgres));
        router.get("/health/mysql").handler(ctx -> offload.respond(ctx, health::mysql));
        router.get("/health/mongodb").handler(ctx -> offload.respond(ctx, health::mongodb));
        router.get("/health/redis").handler(ctx -> offload.respond(ctx, health::redis));
        router.get("/health/rabbitmq").handler(ctx -> offload.respond(ctx, health::rabbitmq));
        router.get("/health/all").handler(this::all);
    }

    private void redirect(RoutingContext ctx) {
        Responses.write(ctx, health.redirect());
    }

    /** No backend touched: answered on the event loop. */
    private void alive(RoutingContext ctx) {
        Responses.write(ctx, health.health());
    }

    private void all(RoutingContext ctx) {
        boolean bypassCache = HealthService.bypassesCache(ctx.request().getHeader(HttpHeaders.CACHE_CONTROL));
        offload.respond(ctx, () -> health.all(bypassCache));
    }
}
