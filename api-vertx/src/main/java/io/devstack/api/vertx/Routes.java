package io.devstack.api.vertx;

import io.devstack.common.ApiServices;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.http.UnsupportedMediaTypeException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * The route table: {@link FrontFilter} first on every request, then each area's routes in docs/api-contract.md order,
 * then {@link ErrorMapping}. Request bodies are read here too, because in Vert.x reading one is a route handler.
 */
final class Routes {

    private static final BodyHandler BODY =
            BodyHandler.create(false).setBodyLimit(RequestBodies.MAX_BODY_BYTES).setMergeFormAttributes(false);

    private Routes() {}

    static Router create(Vertx vertx, ApiServices services) {
        Offload offload = new Offload(vertx);
        FrontFilter front = new FrontFilter(services.front());
        Router router = Router.router(vertx);
        router.route().handler(front);
        new ServiceInfoEndpoints(services.info(), offload).mount(router);
        new HealthEndpoints(services.health(), offload).mount(router);
        new RedisClusterEndpoints(services.redisCluster(), offload).mount(router);
        new VaultEndpoints(services.vault(), offload).mount(router);
        new DatabaseEndpoints(services.databases(), offload).mount(router);
        new CacheEndpoints(services.cache(), offload).mount(router);
        new MessagingEndpoints(services.messaging(), offload).mount(router);
        new ErrorMapping(front).mount(router);
        return router;
    }

    /**
     * {@code route} with the handlers a JSON body needs before the endpoint's own: BodyHandler sized to common's
     * 10 MiB (its own default is lower; over it → 413), without form merging or file uploads.
     */
    static Route withJsonBody(Route route) {
        return route.handler(BODY).handler(Routes::rejectMultipart);
    }

    /** The raw body bytes, empty when the request had none. */
    static byte[] body(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    /** The request's Content-Type as sent, {@code null} when absent. */
    static String contentType(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    }

    /**
     * BodyHandler decodes a multipart body into form parts and leaves {@code body()} empty, which common would read
     * as "no body"; common answers any non-JSON body with 415, so that is said here. (Vert.x 5 insists that a
     * route's BodyHandler comes before its user handlers, so this check cannot run first.)
     */
    private static void rejectMultipart(RoutingContext ctx) {
        String contentType = contentType(ctx);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            ctx.fail(new UnsupportedMediaTypeException(contentType));
        } else {
            ctx.next();
        }
    }
}
