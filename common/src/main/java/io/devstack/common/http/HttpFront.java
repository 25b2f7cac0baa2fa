package io.devstack.common.http;

import io.devstack.common.ApiModule;
import io.devstack.common.logging.RequestLog;
import io.devstack.common.metrics.ApiMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The request pipeline every framework calls from its filter hook, so request ids, CORS, rate limits,
 * 404/405, the HTTP metric and the access log are decided once. A framework's glue is:
 * <pre>{@code
 * HttpFront.Exchange ex = front.begin(method, rawPath, headerLookup, clientIp);
 * Optional<ApiResponse> early = ex.shortCircuit();
 * if (early.isPresent()) write(early.get());                        // preflight, 404, 405, 429, 413
 * else { setHeaders(ex.responseHeaders()); runHandler(); }          // errors: write(ex.error(throwable))
 * onResponseDone(status -> ex.complete(status));                    // metric + access-log line, once
 * }</pre>
 * Headers are to be SET (replacing), never appended: every response from an {@link Exchange} already
 * carries {@link Exchange#responseHeaders()}.
 *
 * <p>Decisions made here for all five, in this order: a malformed path or query is 400; a {@code Host} that is not
 * one of this API's names, or a state-changing request from a foreign {@code Origin}, is 403 ({@link HostPolicy});
 * a CORS preflight is answered 200 on any path (CORS headers only for
 * an allowed origin); HEAD and a plain OPTIONS are not contract methods, so they get 405 with Allow; a path
 * that matches no contract route is 404 and is labelled {@link ContractRoutes#UNKNOWN} in metrics and logs.
 * Frameworks must let bodies up to 10 MiB through (their own limits are often lower) so that the 413 is
 * this module's envelope.
 */
public final class HttpFront {

    private final HostPolicy hosts;
    private final CorsPolicy cors;
    private final RateLimits rateLimits;
    private final ApiMetrics metrics;
    private final RequestLog log;
    private final LongSupplier nanoTime;

    public HttpFront(
            HostPolicy hosts,
            CorsPolicy cors,
            RateLimits rateLimits,
            ApiMetrics metrics,
            RequestLog log,
            LongSupplier nanoTime) {
        this.hosts = hosts;
        this.cors = cors;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** The production pipeline: contract rate limits, stdout access log tagged with the module name. */
    public static HttpFront create(ApiModule module, HostPolicy hosts, CorsPolicy cors, ApiMetrics metrics) {
        return new HttpFront(
                hosts, cors, new RateLimits(), metrics, new RequestLog(module.moduleName()), System::nanoTime);
    }

    /**
     * Starts one request.
     *
     * @param method the request method as received
     * @param path the raw path, optionally with the raw query string (checked by {@link RequestTargets}: a framework
     *     that decodes leniently passes it, so a query such as {@code ?ttl=%zz} is the same 400 everywhere)
     * @param requestHeader case-insensitive header lookup, {@code null} when absent
     * @param clientIp the peer address (the APIs are not behind a proxy, so X-Forwarded-For is not trusted)
     */
    public Exchange begin(String method, String path, Function<String, String> requestHeader, String clientIp) {
        int question = path.indexOf('?');
        String rawQuery = question < 0 ? null : path.substring(question + 1);
        return new Exchange(method, ContractRoutes.stripQuery(path), rawQuery, requestHeader, clientIp);
    }

    /** One request in flight. Not thread-safe except {@link #complete(int)}, which runs at most once. */
    public final class Exchange {
        private final long start = nanoTime.getAsLong();
        private final String method;
        private final String path;
        private final String rawQuery;
        private final String clientIp;
        private final String requestId;
        private final String route;
        private final Map<String, String> responseHeaders = new LinkedHashMap<>();
        private final ApiResponse shortCircuit;
        private final AtomicBoolean completed = new AtomicBoolean();

        private Exchange(
                String method, String path, String rawQuery, Function<String, String> header, String clientIp) {
            this.method = method;
            this.path = path;
            this.rawQuery = rawQuery;
            this.clientIp = clientIp;
            this.requestId = RequestIds.resolve(header.apply(RequestIds.HEADER));
            this.route = ContractRoutes.template(path);
            String origin = header.apply("Origin");
            responseHeaders.put(RequestIds.HEADER, requestId);
            if (!RequestTargets.wellFormed(path, rawQuery)) {
                // what strict servers refuse and lenient ones read their own way: one answer
                // (ErrorResponses.malformedRequest)
                shortCircuit = ErrorResponses.from(BadRequestException.malformedRequest(), requestId)
                        .withHeaders(responseHeaders);
                return;
            }
            if (!hosts.allowsHost(header.apply("Host"))) {
                // a DNS-rebound page: no CORS or rate-limit decision about a request not meant for us
                shortCircuit = error(ForbiddenException.host(header.apply("Host")));
                return;
            }
            if (CorsPolicy.isPreflight(method, origin, header.apply("Access-Control-Request-Method"))) {
                responseHeaders.putAll(cors.preflightHeaders(origin));
                shortCircuit =
                        ApiResponse.text(200, "text/plain; charset=utf-8", "").withHeaders(responseHeaders);
                return;
            }
            responseHeaders.putAll(cors.responseHeaders(origin));
            shortCircuit = HostPolicy.refusesWrite(method, origin, cors)
                    ? error(ForbiddenException.origin(origin))
                    : decide(header.apply("Content-Length"));
        }

        /** 404 / 405 from the route table, too many query parameters, the rate limit, a declared body over 10 MiB. */
        private ApiResponse decide(String contentLength) {
            try {
                Set<String> allowed = ContractRoutes.methodsOf(route);
                if (allowed.isEmpty()) {
                    throw new NotFoundException(path);
                }
                if (!allowed.contains(method)) {
                    throw new MethodNotAllowedException(allowed);
                }
                if (rawQuery != null && parameterCount(rawQuery) > RequestBodies.MAX_QUERY_PARAMETERS) {
                    throw RequestBodies.tooManyParameters();
                }
                Optional<RateLimits.Decision> decision = rateLimits.acquire(method, route, clientIp);
                if (decision.isPresent()) {
                    responseHeaders.putAll(decision.get().headers());
                    if (!decision.get().allowed()) {
                        throw decision.get().rejection();
                    }
                }
                if (declaredLength(contentLength) > RequestBodies.MAX_BODY_BYTES) {
                    throw RequestBodies.tooLarge();
                }
                return null;
            } catch (ApiException e) {
                return error(e);
            }
        }

        public String requestId() {
            return requestId;
        }

        /** The contract template of the path, or {@link ContractRoutes#UNKNOWN}. */
        public String route() {
            return route;
        }

        /** X-Request-ID, CORS and X-RateLimit-* headers: set them on every response of this request. */
        public Map<String, String> responseHeaders() {
            return Collections.unmodifiableMap(responseHeaders);
        }

        /** A complete response to write instead of routing the request (400, 403, preflight, 404, 405, 429, 413). */
        public Optional<ApiResponse> shortCircuit() {
            return Optional.ofNullable(shortCircuit);
        }

        /** The error envelope for {@code failure}, with this request's id and headers. */
        public ApiResponse error(Throwable failure) {
            return ErrorResponses.from(failure, requestId).withHeaders(responseHeaders);
        }

        /** {@code response} with this request's headers added (for glue that writes ApiResponses itself). */
        public ApiResponse decorate(ApiResponse response) {
            return response.withHeaders(responseHeaders);
        }

        /** Records {@code http_server_requests_seconds} and writes the access-log line; later calls do nothing. */
        public void complete(int status) {
            if (!completed.compareAndSet(false, true)) {
                return;
            }
            long nanos = nanoTime.getAsLong() - start;
            metrics.recordHttpRequest(method, route, status, nanos);
            log.write(log.line(requestId, method, path, route, status, nanos, clientIp));
        }
    }

    private static int parameterCount(String rawQuery) {
        int count = rawQuery.isEmpty() ? 0 : 1;
        for (int i = rawQuery.indexOf('&'); i >= 0; i = rawQuery.indexOf('&', i + 1)) {
            count++;
        }
        return count;
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
