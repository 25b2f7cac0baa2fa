package io.devstack.common.http;

import java.util.Map;

/** 400 BadRequest: a request that parses and validates but makes no sense (e.g. an empty message). */
public final class BadRequestException extends ApiException {

    /** The one message for a request the server could not parse (request line, URI, percent-encoding, headers). */
    public static final String MALFORMED_REQUEST = "Malformed request";

    /** What every module answers when its server rejects a request as malformed before any route runs. */
    public static BadRequestException malformedRequest() {
        return new BadRequestException(MALFORMED_REQUEST);
    }

    public BadRequestException(String message) {
        super(400, "BadRequest", message, Map.of());
    }
}
