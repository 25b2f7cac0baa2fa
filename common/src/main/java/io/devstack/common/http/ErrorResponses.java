package io.devstack.common.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders any failure as the one error envelope of docs/api-contract.md; the only place that shape is written. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    /** The envelope, keys in contract order. */
    public record Envelope(
            String error,
            String message,
            @JsonProperty("status_code") int statusCode,
            Map<String, Object> details,
            @JsonProperty("request_id") String requestId) {}

    private ErrorResponses() {}

    /**
     * An {@link ApiException} becomes its envelope plus its headers; anything else is a bug: a 500 with the
     * fixed message "An unexpected error occurred" (the cause is logged server-side with the request id, never sent).
     */
    public static ApiResponse from(Throwable failure, String requestId) {
        if (failure instanceof ApiException e) {
            return render(e, requestId);
        }
        LOG.error(
                "Unhandled error for request_id={}: {}",
                requestId,
                failure.getClass().getName(),
                failure);
        return ApiResponse.json(
                500, new Envelope("InternalServerError", "An unexpected error occurred", 500, Map.of(), requestId));
    }

    /**
     * The answer to a request the server could not parse (request line, URI or query encoding, header block):
     * 400 "Malformed request" with X-Request-ID (the client's when valid, else new) and no other header. No route,
     * CORS or rate-limit decision is made about a request that was not understood, whichever framework refused it.
     */
    public static ApiResponse malformedRequest(String requestIdHeader) {
        String requestId = RequestIds.resolve(requestIdHeader);
        return from(BadRequestException.malformedRequest(), requestId).withHeader(RequestIds.HEADER, requestId);
    }

    public static ApiResponse render(ApiException e, String requestId) {
        Envelope envelope = new Envelope(e.error(), e.getMessage(), e.status(), e.details(), requestId);
        return ApiResponse.json(e.status(), envelope).withHeaders(e.headers());
    }
}
