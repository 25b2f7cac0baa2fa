package io.devstack.api.helidon;

import io.devstack.common.http.ApiResponse;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes common's {@link ApiResponse} byte for byte; reads path parameters and the body as common takes them. */
final class Responses {

    private static final byte[] NO_BODY = new byte[0];

    private Responses() {}

    static void write(ServerResponse res, ApiResponse response) {
        res.status(response.status());
        response.headers().forEach(res::header);
        res.header(HeaderNames.CONTENT_TYPE, response.contentType());
        res.send(response.body());
    }

    /**
     * A path parameter as Helidon 4 hands it over: already percent-decoded once (decoding it again turned {@code %2B}
     * into a space and {@code %25d} into nothing). HttpFront has already refused a path that does not decode.
     */
    static String pathParam(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    /** The body as sent (no media conversion); Helidon has already refused one over the max payload size. */
    static byte[] body(ServerRequest req) {
        return req.content().hasEntity() ? req.content().as(byte[].class) : NO_BODY;
    }
}
