package io.devstack.api.helidon;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.ContractErrors;
import io.devstack.common.http.ErrorResponses;
import io.devstack.common.http.HttpFront;
import io.devstack.common.http.RequestIds;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Every failure becomes common's envelope. Failures in routing go through {@code routing.error(...)} with the
 * request's {@link HttpFront.Exchange}; Helidon's own rejections before routing (malformed HTTP, a body over the
 * max payload size) go through its {@link DirectHandler}s, which see no exchange, so those answers carry the
 * envelope and X-Request-ID but no CORS headers, metric or access-log line.
 */
final class ErrorMapping {

    private ErrorMapping() {}

    static void register(HttpRouting.Builder routing) {
        routing.error(Throwable.class, ErrorMapping::handle);
    }

    private static void handle(ServerRequest req, ServerResponse res, Throwable failure) {
        // Helidon's HTTP exceptions carry only a status: common names the contract error it stands for
        Throwable mapped = failure instanceof HttpException http
                ? ContractErrors.forStatus(http.status().code(), req.path().rawPath(), contentType(req), failure)
                : failure;
        ApiResponse envelope = req.context()
                .get(HttpFront.Exchange.class)
                .map(exchange -> exchange.error(mapped))
                .orElseGet(() -> ErrorResponses.from(mapped, RequestIds.resolve(null)));
        Responses.write(res, envelope);
    }

    static DirectHandlers directHandlers() {
        DirectHandler envelope = ErrorMapping::direct;
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, envelope);
        }
        return handlers.build();
    }

    private static DirectHandler.TransportResponse direct(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String requestId = RequestIds.resolve(
                request.headers().first(HeaderNames.create(RequestIds.HEADER)).orElse(null));
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
        ApiResponse envelope =
                ErrorResponses.from(ContractErrors.forStatus(status.code(), request.path(), contentType), requestId);
        var response = DirectHandler.TransportResponse.builder()
                .status(Status.create(envelope.status()))
                .header(HeaderNames.create(RequestIds.HEADER), requestId)
                .header(HeaderNames.CONTENT_TYPE, envelope.contentType())
                .entity(envelope.body());
        envelope.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
        return response.build();
    }

    private static String contentType(ServerRequest req) {
        return req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
    }
}
