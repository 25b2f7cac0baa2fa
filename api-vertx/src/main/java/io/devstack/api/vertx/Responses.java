package io.devstack.api.vertx;

import io.devstack.common.http.ApiResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes one of common's {@link ApiResponse}s as is: Vert.x adds only Content-Length. */
final class Responses {

    private Responses() {}

    static void write(RoutingContext ctx, ApiResponse response) {
        HttpServerResponse http = ctx.response();
        if (http.ended() || http.closed()) {
            return; // the client went away while a worker was busy; nothing left to answer
        }
        http.setStatusCode(response.status());
        response.headers().forEach(http::putHeader);
        http.putHeader("Content-Type", response.contentType()); // spelled as the other four APIs send it
        http.end(Buffer.buffer(response.body()));
    }
}
