package io.devstack.api.vertx;

import io.devstack.common.http.HttpFront;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The first handler of every request: hands it to common's {@link HttpFront} (request id, CORS, 404/405, rate
 * limits, 413 by length), answers at once when the front says so, and hooks the exchange to the response so that
 * every response, whoever writes it, carries the front's headers and completes the metric and access log once.
 */
final class FrontFilter implements Handler<RoutingContext> {

    private static final String EXCHANGE = HttpFront.Exchange.class.getName();

    private final HttpFront front;

    FrontFilter(HttpFront front) {
        this.front = front;
    }

    @Override
    public void handle(RoutingContext ctx) {
        exchange(ctx).shortCircuit().ifPresentOrElse(response -> Responses.write(ctx, response), ctx::next);
    }

    /** True once this request's exchange is begun (by the filter, or by an error handler through {@link #exchange}). */
    boolean begun(RoutingContext ctx) {
        return ctx.get(EXCHANGE) != null;
    }

    /** This request's exchange; begun here too when Vert.x failed the request before the filter ran. */
    HttpFront.Exchange exchange(RoutingContext ctx) {
        HttpFront.Exchange existing = ctx.get(EXCHANGE);
        return existing != null ? existing : begin(ctx);
    }

    private HttpFront.Exchange begin(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // the raw path and query: common refuses a broken percent-escape before Vert.x decodes parameters
        HttpFront.Exchange exchange = front.begin(
                request.method().name(),
                Objects.requireNonNullElse(request.uri(), ""),
                name -> "host".equalsIgnoreCase(name) ? host(request) : request.getHeader(name),
                request.remoteAddress().hostAddress());
        ctx.put(EXCHANGE, exchange);
        ctx.addHeadersEndHandler(ignored -> exchange.responseHeaders().forEach(ctx.response()::putHeader));
        ctx.addEndHandler(ignored -> exchange.complete(ctx.response().getStatusCode()));
        return exchange;
    }

    /** Vert.x 5 hands the Host header over as the request's authority, not among the headers. */
    private static String host(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.getHeader("Host");
        }
        String name = authority.host();
        String host = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
        return authority.port() < 0 ? host : host + ":" + authority.port();
    }
}
