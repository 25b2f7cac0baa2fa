package io.devstack.api.vertx;

import io.devstack.common.http.ApiException;
import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.ContractErrors;
import io.devstack.common.http.ErrorResponses;
import io.devstack.common.http.RequestIds;
import io.devstack.common.http.UnsupportedMediaTypeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Every failure becomes common's error envelope: a handler's {@link ApiException}, a bug (500), and the failures
 * Vert.x-Web raises itself, which carry only a status code: no route (404), wrong method (405), BodyHandler's
 * limit (413), an undecodable path or query (400).
 */
final class ErrorMapping {

    /** The statuses Vert.x-Web answers on its own when no failure handler ran (routing, path decoding). */
    private static final List<Integer> FRAMEWORK_STATUSES = List.of(400, 404, 405, 413, 500);

    private final FrontFilter front;

    ErrorMapping(FrontFilter front) {
        this.front = front;
    }

    void mount(Router router) {
        router.route().failureHandler(ctx -> respond(ctx, ctx.statusCode()));
        // Vert.x calls these with the status as the only clue (ctx.statusCode() may still be -1)
        FRAMEWORK_STATUSES.forEach(status -> router.errorHandler(status, ctx -> respond(ctx, status)));
    }

    private void respond(RoutingContext ctx, int status) {
        if (status == 400 && !(ctx.failure() instanceof ApiException) && !front.begun(ctx)) {
            // Vert.x could not decode the path: refused before routing, as the other four servers do
            Responses.write(ctx, ErrorResponses.malformedRequest(ctx.request().getHeader(RequestIds.HEADER)));
            return;
        }
        Responses.write(ctx, front.exchange(ctx).error(cause(ctx, status)));
    }

    /** What Vert.x answers a request whose request line or headers do not parse (its default is an empty 400). */
    static void invalidRequest(HttpServerRequest request) {
        ApiResponse envelope = ErrorResponses.malformedRequest(request.getHeader(RequestIds.HEADER));
        HttpServerResponse response = request.response().setStatusCode(envelope.status());
        envelope.headers().forEach(response::putHeader);
        response.putHeader("Content-Type", envelope.contentType())
                .putHeader("Connection", "close")
                .end(Buffer.buffer(envelope.body()));
    }

    /**
     * BodyHandler decodes an urlencoded body as a form and fails (400) on bytes a form cannot hold; where JSON is
     * expected, common answers any such body 415, whatever it contains.
     */
    private static boolean formBody(RoutingContext ctx) {
        String contentType = Routes.contentType(ctx);
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The failure as one of common's exceptions when Vert.x gave only a status; anything else is a 500. */
    private static Throwable cause(RoutingContext ctx, int status) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException) {
            return failure;
        }
        if (status == 400 && formBody(ctx)) {
            return new UnsupportedMediaTypeException(Routes.contentType(ctx));
        }
        return failure == null
                ? ContractErrors.forStatus(status, ctx.request().path(), Routes.contentType(ctx))
                : ContractErrors.forStatus(status, ctx.request().path(), Routes.contentType(ctx), failure);
    }
}
