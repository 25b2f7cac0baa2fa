package io.devstack.api.spring;

import io.devstack.common.http.ApiResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.CharsetHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Writes common's {@link ApiResponse} unchanged: {@code write(response)} as a handler's return value (Spring MVC
 * writes it), {@code write(servlet, response)} straight from a filter or error page.
 */
final class Responses {

    private Responses() {}

    /**
     * The handler's answer. The Content-Type is set as a header, not as a {@code MediaType}, so Spring skips
     * content negotiation and writes common's value (no reformatting, no 406 for an unusual {@code Accept}).
     */
    static ResponseEntity<byte[]> write(ApiResponse response) {
        // headers straight onto the builder: headers(HttpHeaders) copies through a case-insensitive name set, about
        // a fifth of everything api-spring allocated per /health/ answer
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        response.headers().forEach((name, value) -> builder.header(name, value));
        return builder.header(HttpHeaders.CONTENT_TYPE, response.contentType()).body(response.body());
    }

    /** For {@link FrontFilter}, which answers some requests before Spring MVC routes them. */
    static void write(HttpServletResponse servlet, ApiResponse response) throws IOException {
        servlet.setStatus(response.status());
        response.headers().forEach(servlet::setHeader);
        servlet.setContentType(response.contentType());
        servlet.setContentLength(response.body().length);
        servlet.getOutputStream().write(response.body());
    }

    /** Where {@link RawContentTypeValve} leaves Tomcat's raw Content-Type setter for this request. */
    private static final String RAW_CONTENT_TYPE = Responses.class.getName() + ".rawContentType";

    /**
     * {@code response}, except that a Content-Type set on it reaches the wire as common wrote it. Tomcat (and Spring's
     * MediaType) re-render parameters without spaces ({@code text/plain;charset=utf-8}); common's content types are
     * {@code "; "}-separated, which the other four frameworks keep byte for byte.
     */
    static HttpServletResponse keepingContentType(HttpServletRequest request, HttpServletResponse response) {
        @SuppressWarnings("unchecked")
        Consumer<String> raw = (Consumer<String>) request.getAttribute(RAW_CONTENT_TYPE);
        if (raw == null) {
            return response;
        }
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                super.setContentType(type);
                if (type != null) {
                    raw.accept(spaced(type));
                }
            }

            @Override
            public void setHeader(String name, String value) {
                if ("Content-Type".equalsIgnoreCase(name)) {
                    setContentType(value);
                } else {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if ("Content-Type".equalsIgnoreCase(name)) {
                    setContentType(value);
                } else {
                    super.addHeader(name, value);
                }
            }
        };
    }

    /** {@code text/plain;version=0.0.4;charset=utf-8} → {@code text/plain; version=0.0.4; charset=utf-8}. */
    static String spaced(String contentType) {
        return Arrays.stream(contentType.split(";")).map(String::strip).collect(Collectors.joining("; "));
    }

    /** Hands each request Tomcat's setter that stores a Content-Type as given (no charset re-rendering). */
    static final class RawContentTypeValve extends ValveBase {
        RawContentTypeValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Response coyote = response.getCoyoteResponse();
            request.setAttribute(RAW_CONTENT_TYPE, (Consumer<String>) type -> {
                coyote.setContentTypeNoCharset(type);
                coyote.setCharsetHolder(CharsetHolder.EMPTY); // the charset stays inside the type, not appended again
            });
            getNext().invoke(request, response);
        }
    }
}
