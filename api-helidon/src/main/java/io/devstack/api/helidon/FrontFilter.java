package io.devstack.api.helidon;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.HttpFront;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;

/**
 * The one filter: every request goes through common's {@link HttpFront} (request id, CORS, 404/405, rate limits,
 * 413 by Content-Length); the exchange is kept in the request context for {@link ErrorMapping}, and completes
 * (metric + access-log line) when Helidon has sent the response, whoever wrote it.
 */
final class FrontFilter implements Filter {

    private final HttpFront front;

    FrontFilter(HttpFront front) {
        this.front = front;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // the raw path and query: common refuses a target that is not well formed before Helidon decodes it
        String rawQuery = req.prologue().query().rawValue();
        String target = req.prologue().uriPath().rawPath() + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpFront.Exchange exchange = front.begin(
                req.prologue().method().text(),
                target,
                name -> req.headers().first(HeaderNames.create(name)).orElse(null),
                req.remotePeer().host());
        req.context().register(exchange);
        res.whenSent(() -> exchange.complete(res.status().code()));
        Optional<ApiResponse> early = exchange.shortCircuit();
        if (early.isPresent()) {
            Responses.write(res, early.get());
            return;
        }
        exchange.responseHeaders().forEach(res::header);
        chain.proceed();
    }
}
