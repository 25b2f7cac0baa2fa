package io.devstack.api.javalin;

import io.devstack.common.http.ApiResponse;
import io.javalin.http.Context;

/** Writes common's {@link ApiResponse} through Javalin's {@link Context}: status, headers, content type, bytes. */
final class Responses {

    private Responses() {}

    static void write(Context ctx, ApiResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.contentType(response.contentType());
        ctx.result(response.body());
    }
}
