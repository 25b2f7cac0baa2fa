package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.http.HttpFront;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import java.net.InetSocketAddress;

/**
 * The one filter: every request goes through common's {@link HttpFront}. The request filter is
 * {@link PreMatching}, so it runs before Micronaut's router: common's route table answers preflight, 404, 405,
 * 429 and a declared 413 before Micronaut would match (and, e.g., treat {@code /health/vault/} as
 * {@code /health/vault}). The response filter sees the final response, errors already mapped by
 * {@link ErrorMapping}, sets the request's headers and records it once.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class FrontFilter implements Ordered {

    private static final String EXCHANGE = FrontFilter.class.getName() + ".exchange";

    private final HttpFront front;

    FrontFilter(ApiServices services) {
        this.front = services.front();
    }

    @RequestFilter
    @PreMatching
    @Nullable
    HttpResponse<byte[]> begin(HttpRequest<?> request) {
        HttpFront.Exchange exchange = exchange(request);
        return exchange.shortCircuit()
                .map(response -> {
                    // a response returned here skips this filter's own response method
                    exchange.complete(response.status());
                    return Responses.write(response);
                })
                .orElse(null);
    }

    /**
     * The exchange of {@code request}, begun on first use: normally by {@link #begin}, but when Netty rejects a
     * malformed request Micronaut goes straight to its error flow, where pre-matching filters do not run.
     */
    HttpFront.Exchange exchange(HttpRequest<?> request) {
        // the raw path and query: common refuses a target that is not well formed before Micronaut decodes it
        String rawQuery = request.getUri().getRawQuery();
        return exchange(request, request.getUri().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery));
    }

    /** As {@link #exchange(HttpRequest)}, with the raw path given when Micronaut could not parse it. */
    HttpFront.Exchange exchange(HttpRequest<?> request, String rawPath) {
        return request.getAttribute(EXCHANGE, HttpFront.Exchange.class).orElseGet(() -> {
            HttpFront.Exchange exchange =
                    front.begin(request.getMethodName(), rawPath, request.getHeaders()::get, clientIp(request));
            request.setAttribute(EXCHANGE, exchange);
            return exchange;
        });
    }

    @ResponseFilter
    void complete(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpFront.Exchange exchange = exchange(request);
        exchange.responseHeaders().forEach(response.getHeaders()::set);
        exchange.complete(response.code());
    }

    /** Outermost, so the access log and metric see the response every other hook produced. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static String clientIp(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return peer.getAddress() == null
                ? peer.getHostString()
                : peer.getAddress().getHostAddress();
    }
}
