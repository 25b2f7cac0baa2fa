package io.devstack.api.spring;

import io.devstack.common.http.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Writes common's {@link ApiResponse} unchanged: as a handler's return value, or straight from a filter. */
final class Responses {

    private Responses() {}

    /**
     * The handler's answer. The Content-Type is set as a header, not as a {@code MediaType}, so Spring skips
     * content negotiation and writes common's value (no reformatting, no 406 for an unusual {@code Accept}).
     */
    static ResponseEntity<byte[]> entity(ApiResponse response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().forEach(headers::set);
        headers.set(HttpHeaders.CONTENT_TYPE, response.contentType());
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }

    /** For {@link FrontFilter}, which answers some requests before Spring MVC routes them. */
    static void write(HttpServletResponse servlet, ApiResponse response) throws IOException {
        servlet.setStatus(response.status());
        response.headers().forEach(servlet::setHeader);
        servlet.setContentType(response.contentType());
        servlet.setContentLength(response.body().length);
        servlet.getOutputStream().write(response.body());
    }
}
