package io.devstack.api.micronaut;

import io.devstack.common.http.BadRequestException;
import io.devstack.common.http.ContractErrors;
import io.devstack.common.http.ErrorResponses;
import io.devstack.common.http.HttpFront;
import io.devstack.common.http.RequestBodies;
import io.devstack.common.http.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;

/**
 * Every failure becomes common's envelope. Global error routes win over Micronaut's built-in
 * {@code ExceptionHandler}s, so one {@code Throwable} route catches everything a handler or Micronaut itself
 * throws (the closest exception type wins, hence the separate malformed-URI route). The status routes cover
 * responses Micronaut's router would build without an exception; with {@link FrontFilter} deciding 404/405
 * before routing and every controller consuming any media type they are a safety net, not the normal path.
 */
@Controller
final class ErrorMapping {

    private final FrontFilter front;

    ErrorMapping(FrontFilter front) {
        this.front = front;
    }

    @Error(global = true, exception = Throwable.class)
    HttpResponse<byte[]> failure(HttpRequest<?> request, Throwable failure) {
        return Responses.write(front.exchange(request).error(translate(failure)));
    }

    /** Netty read the request line but its URI does not parse; Micronaut then hands us a stand-in request for "/". */
    @Error(global = true, exception = URISyntaxException.class)
    HttpResponse<byte[]> malformedUri(HttpRequest<?> request, URISyntaxException failure) {
        HttpFront.Exchange exchange = front.exchange(request, failure.getInput());
        return Responses.write(exchange.error(BadRequestException.malformedRequest()));
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<byte[]> notFound(HttpRequest<?> request) {
        return byStatus(request, HttpStatus.NOT_FOUND);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<byte[]> methodNotAllowed(HttpRequest<?> request) {
        return byStatus(request, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    HttpResponse<byte[]> unsupportedMediaType(HttpRequest<?> request) {
        return byStatus(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private HttpResponse<byte[]> byStatus(HttpRequest<?> request, HttpStatus status) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        return failure(
                request,
                ContractErrors.forStatus(status.getCode(), request.getUri().getRawPath(), contentType));
    }

    /** Micronaut's own exceptions that have a contract name; anything else stays a 500. */
    private static Throwable translate(Throwable failure) {
        if (failure instanceof ContentLengthExceededException) {
            // a chunked body over micronaut.server.max-request-size (a declared length is refused by HttpFront)
            return RequestBodies.tooLarge();
        }
        return failure;
    }

    /**
     * Micronaut's own error body for what never reaches a route (a request line Netty cannot decode): common's
     * envelope instead of its JSON+HAL body, without X-Request-ID or CORS decisions, as the other four servers answer.
     */
    @Singleton
    @Replaces(ErrorResponseProcessor.class)
    static final class UnroutedErrors implements ErrorResponseProcessor<byte[]> {

        @Override
        public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            HttpRequest<?> request = context.getRequest();
            String requestId = RequestIds.resolve(request.getHeaders().get(RequestIds.HEADER));
            Throwable failure = ContractErrors.forStatus(
                    response.code(), request.getPath(), request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
            return Responses.write(ErrorResponses.from(failure, requestId).withHeader(RequestIds.HEADER, requestId));
        }
    }
}
