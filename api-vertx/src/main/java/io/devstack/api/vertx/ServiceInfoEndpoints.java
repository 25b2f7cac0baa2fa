package io.devstack.api.vertx;

import io.devstack.common.service.ServiceInfoService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /}, {@code /openapi.json}, {@code /docs}, {@code /docs/{asset}}, {@code /metrics}. */
final class ServiceInfoEndpoints {

    private final ServiceInfoService info;
    private final Offload offload;

    ServiceInfoEndpoints(ServiceInfoService info, Offload offload) {
        this.info = info;
        this.offload = offload;
    }

    void mount(Router router) {
        router.get("/").handler(this::info);
        router.get("/openapi.json").handler(this::openApi);
        router.get("/docs").handler(this::docs);
        router.get("/docs/:asset").handler(this::docsAsset);
        router.get("/metrics").handler(this::metrics);
    }

    // "/", "/openapi.json" and "/docs" are bytes held in memory: answered on the event loop

    private void info(RoutingContext ctx) {
        Responses.write(ctx, info.info());
    }

    private void openApi(RoutingContext ctx) {
        Responses.write(ctx, info.openApi());
    }

    private void docs(RoutingContext ctx) {
        Responses.write(ctx, info.docs());
    }

    /** The first request for an asset reads it from the webjar. */
    private void docsAsset(RoutingContext ctx) {
        String asset = ctx.pathParam("asset");
        offload.respond(ctx, () -> info.docsAsset(asset));
    }

    /** A scrape walks every meter: too long for the event loop once the route and status labels add up. */
    private void metrics(RoutingContext ctx) {
        offload.respond(ctx, info::metrics);
    }
}
