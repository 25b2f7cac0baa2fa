package io.devstack.api.javalin;

import io.devstack.common.http.ApiResponse;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;

/** Writes common's {@link ApiResponse} through Javalin's {@link Context}: status, headers, content type, bytes. */
final class Responses {

    private Responses() {}

    static void write(Context ctx, ApiResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        // not ctx.contentType(): the servlet API rewrites well-known types ("text/html; charset=utf-8" becomes
        // "text/html;charset=utf-8"), so the header goes straight into Jetty's response fields, as common wrote it
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getServletContextResponse()
                .getWrapped()
                .getHeaders()
                .put(HttpHeader.CONTENT_TYPE, response.contentType());
        ctx.result(response.body());
    }
}
