package io.devstack.api.javalin;

import io.devstack.common.http.HttpFront;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The one filter calling common's {@link HttpFront}: a {@code before} handler opens the exchange (request id, CORS,
 * preflight, 404/405, rate limit, 413 by Content-Length) and Javalin's request logger closes it once the response
 * is written, which records the metric and writes the access-log line.
 */
final class FrontFilter {

    private static final String EXCHANGE = HttpFront.Exchange.class.getName();

    private FrontFilter() {}

    static void install(JavalinConfig config, HttpFront front) {
        config.routes.before(ctx -> begin(ctx, front));
        config.requestLogger.http((ctx, millis) -> exchange(ctx).complete(ctx.statusCode()));
    }

    /** The exchange {@link #begin} opened for this request. */
    static HttpFront.Exchange exchange(Context ctx) {
        return ctx.attribute(EXCHANGE);
    }

    private static void begin(Context ctx, HttpFront front) {
        // the raw method and path: ContractRoutes, not Javalin's router, decides 404 vs 405; the raw query too,
        // since Jetty silently drops a parameter whose percent-encoding is broken (common answers 400)
        String query = ctx.queryString();
        HttpFront.Exchange exchange = front.begin(
                ctx.req().getMethod(), query == null ? ctx.path() : ctx.path() + "?" + query, ctx::header, ctx.ip());
        ctx.attribute(EXCHANGE, exchange);
        exchange.responseHeaders().forEach(ctx::header);
        exchange.shortCircuit().ifPresent(response -> {
            Responses.write(ctx, response);
            ctx.skipRemainingHandlers();
        });
    }
}
