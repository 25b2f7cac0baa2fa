package io.devstack.api.micronaut;

import io.devstack.common.http.ApiResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Writes common's {@link ApiResponse} as a Micronaut response: the same status, headers and body bytes, returned by
 * a controller or filter for Micronaut to send.
 */
final class Responses {

    private Responses() {}

    static MutableHttpResponse<byte[]> write(ApiResponse api) {
        MutableHttpResponse<byte[]> response =
                HttpResponse.<byte[]>status(HttpStatus.valueOf(api.status())).body(api.body());
        // common's exact text (e.g. "text/plain; version=0.0.4; charset=utf-8"), not a parsed MediaType
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, api.contentType());
        api.headers().forEach(response.getHeaders()::set);
        return response;
    }
}
