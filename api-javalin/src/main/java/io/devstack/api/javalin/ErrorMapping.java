package io.devstack.api.javalin;

import io.devstack.common.http.BadRequestException;
import io.devstack.common.http.ContractRoutes;
import io.devstack.common.http.MethodNotAllowedException;
import io.devstack.common.http.NotFoundException;
import io.devstack.common.http.PayloadTooLargeException;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.http.UnsupportedMediaTypeException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Set;

/**
 * Every failure becomes common's envelope. Contract errors ({@code ApiException}) and bugs go through
 * {@code exchange.error}; Javalin's own {@link HttpResponseException}s (no matching endpoint, a body over
 * {@code maxRequestSize} read in chunks, ...) are first translated to the contract error they stand for.
 */
final class ErrorMapping {

    private ErrorMapping() {}

    static void install(RoutesConfig routes) {
        // replaces Javalin's built-in mapper, which would answer in its own JSON/plain-text shape
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, translate(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> write(ctx, e));
    }

    private static void write(Context ctx, Exception failure) {
        Responses.write(ctx, FrontFilter.exchange(ctx).error(failure));
    }

    private static Exception translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404, 405 -> {
                Set<String> allowed = ContractRoutes.allowedMethods(ctx.path());
                yield allowed.isEmpty() ? new NotFoundException(ctx.path()) : new MethodNotAllowedException(allowed);
            }
            // same text as common's own 413 (RequestBodies.tooLarge() is not public)
            case 413 -> new PayloadTooLargeException(
                    "Request body exceeds " + RequestBodies.MAX_BODY_BYTES + " bytes (10 MiB)");
            case 415 -> new UnsupportedMediaTypeException(ctx.contentType() == null ? "" : ctx.contentType());
            case 400 -> new BadRequestException(e.getMessage());
            default -> e; // not a contract status: rendered as a 500 without leaking Javalin's message
        };
    }
}
