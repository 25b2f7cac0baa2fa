package io.devstack.api.vertx;

import io.devstack.common.http.ApiResponse;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * The one way a blocking {@code common} call leaves the event loop: Vert.x's worker pool via
 * {@code executeBlocking}, its result written back on the event loop, its failure handed to {@link ErrorMapping}.
 * Unordered, because ordered calls queue behind each other per context, and every request on an event loop
 * shares that loop's context: one slow backend would stall every other request on the loop.
 */
final class Offload {

    private final Vertx vertx;

    Offload(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code call} on a worker thread and answers the request with its result. */
    void respond(RoutingContext ctx, Callable<ApiResponse> call) {
        vertx.executeBlocking(call, false).onComplete(done -> {
            if (done.succeeded()) {
                Responses.write(ctx, done.result());
            } else {
                ctx.fail(done.cause());
            }
        });
    }
}
